using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Paper;

/// <summary>
/// The Transformer schedule (Vaswani et al. 2017), as a factor of the base rate:
/// <c>f(t) = factor * d_model^-0.5 * min(n^-0.5, n * warmup^-1.5)</c> with <c>n = t + 1</c> the update number;
/// with a base rate of 1 this is the paper's rate, rising linearly for <c>warmup</c> updates then decaying as
/// <c>1/sqrt(n)</c>.
/// </summary>
/// <param name="DModel">Model width <c>d_model</c>, positive.</param>
/// <param name="WarmupSteps">Warmup updates, at least 1.</param>
/// <param name="Factor">Overall multiplier; default 1.</param>
[PeerCall("paper", "noam", "ramp.paper")]
public sealed record Noam(double DModel, long WarmupSteps, double Factor = 1.0) : Schedule
{
    /// <summary>Overall multiplier; default 1.</summary>
    public double Factor { get; } = Check.Finite(Factor, nameof(Factor), "noam");

    /// <summary>Model width, positive.</summary>
    public double DModel { get; } = DModel > 0 && double.IsFinite(DModel)
        ? DModel
        : throw new ScheduleArgumentException(nameof(DModel), DModel, $"noam: d_model must be positive but was {DModel}");

    /// <summary>Warmup updates, at least 1.</summary>
    public long WarmupSteps { get; } = WarmupSteps >= 1
        ? WarmupSteps
        : throw new ScheduleArgumentException(nameof(WarmupSteps), WarmupSteps,
            $"noam: warmup_steps must be at least 1 but was {WarmupSteps}");

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var n = (double)Math.Max(0, step) + 1;
        return Factor * Math.Pow(DModel, -0.5) * Math.Min(Math.Pow(n, -0.5), n * Math.Pow(WarmupSteps, -1.5));
    }

    /// <summary>The Python call that builds this schedule.</summary>
    public override string ToString() => PeerBinder.Print(this);
}
