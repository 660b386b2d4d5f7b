using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_inverse_sqrt_schedule</c>: λ(t) = t / max(1, W) for t &lt; W, else
/// 1 / sqrt((t + τ − W) / τ), with τ = timescale, or W when timescale is None, or 10 000 when W is 0 too.
/// With τ = W this is sqrt(W / t).
/// </summary>
/// <param name="NumWarmupSteps">W, at least 0.</param>
/// <param name="Timescale">τ, positive; null (default) means W, or 10 000 when W is 0.</param>
[PeerCall("hf", "get_inverse_sqrt_schedule", "transformers", "transformers.optimization", TakesOptimizer = true)]
public sealed record HfInverseSqrt([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps, long? Timescale = null) : HfLambdaSpec
{
    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps), "get_inverse_sqrt_schedule");

    /// <summary>τ as given (null: the default).</summary>
    public long? Timescale { get; } = Timescale is null or > 0
        ? Timescale
        : throw new ScheduleArgumentException(nameof(Timescale), Timescale,
            $"get_inverse_sqrt_schedule: timescale must be > 0 but was {Timescale}");

    /// <summary>τ in use: <see cref="Timescale"/>, else W, else 10 000.</summary>
    public long EffectiveTimescale => Timescale ?? (NumWarmupSteps != 0 ? NumWarmupSteps : 10_000);

    /// <inheritdoc />
    public override double Lambda(long step)
    {
        if (step < NumWarmupSteps) return Warmup(step, NumWarmupSteps);
        var timescale = EffectiveTimescale;
        var shift = timescale - NumWarmupSteps;
        return 1.0 / Math.Sqrt((double)(step + shift) / timescale);
    }
}
