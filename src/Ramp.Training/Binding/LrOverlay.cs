using Ramp.Schedules;
namespace Ramp.Training.Binding;

/// <summary>
/// A multiplier laid over a bound schedule by the training loop, e.g. roll-back's lower peak and re-warm-up:
/// at applied step t it is <c>Scale * min(1, (t - RampFrom + 1) / RampSteps)</c> from <c>RampFrom</c> on, and just
/// <c>Scale</c> before it or without a ramp. Part of <see cref="BinderState"/>, so it is checkpointed.
/// </summary>
/// <param name="Scale">Constant multiplier, finite and &gt; 0 (1 = none).</param>
/// <param name="RampFrom">Applied step at which a linear ramp from <c>Scale / RampSteps</c> to <c>Scale</c> starts, or -1 for none.</param>
/// <param name="RampSteps">Length of that ramp in applied steps, at least 0 (0 = none).</param>
public sealed record LrOverlay(double Scale = 1, long RampFrom = -1, int RampSteps = 0)
{
    /// <summary>No overlay: the multiplier is 1 at every step.</summary>
    public static LrOverlay None { get; } = new();

    /// <summary>Constant multiplier.</summary>
    public double Scale { get; } = Scale > 0 && double.IsFinite(Scale)
        ? Scale
        : throw new RampArgumentException(nameof(Scale), Scale, $"lr overlay: scale must be finite and > 0 but was {Scale}");

    /// <summary>Length of the ramp.</summary>
    public int RampSteps { get; } = RampSteps >= 0
        ? RampSteps
        : throw new RampArgumentException(nameof(RampSteps), RampSteps, $"lr overlay: ramp steps must be >= 0 but was {RampSteps}");

    /// <summary>The multiplier at applied step <paramref name="step"/>.</summary>
    public double MultiplierAt(long step)
    {
        if (RampFrom < 0 || RampSteps == 0 || step < RampFrom) return Scale;
        return Scale * Math.Min(1.0, (step - RampFrom + 1) / (double)RampSteps);
    }
}
