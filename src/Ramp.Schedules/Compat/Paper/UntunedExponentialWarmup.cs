using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Paper;

/// <summary>
/// The untuned exponential warmup of Ma &amp; Yarats (2019) for Adam, as a factor of the base rate:
/// <c>f(t) = 1 - exp(-(1 - beta2) * n)</c> with <c>n = t + 1</c> (time constant <c>1 / (1 - beta2)</c> updates).
/// </summary>
/// <param name="Beta2">Adam's second-moment decay, in [0, 1).</param>
[PeerCall("paper", "untuned_exponential_warmup", "ramp.paper")]
public sealed record UntunedExponentialWarmup(double Beta2) : Schedule
{
    /// <summary>Adam's second-moment decay, in [0, 1).</summary>
    public double Beta2 { get; } = Beta2 is >= 0 and < 1
        ? Beta2
        : throw new ScheduleArgumentException(nameof(Beta2), Beta2,
            $"untuned_exponential_warmup: beta2 must be in [0, 1) but was {Beta2}");

    /// <inheritdoc />
    public override double ValueAt(long step) => 1 - Math.Exp(-(1 - Beta2) * ((double)Math.Max(0, step) + 1));

    /// <summary>The Python call that builds this schedule.</summary>
    public override string ToString() => PeerBinder.Print(this);
}
