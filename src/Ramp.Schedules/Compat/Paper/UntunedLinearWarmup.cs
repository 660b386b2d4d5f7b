using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Paper;

/// <summary>
/// The untuned linear warmup of Ma &amp; Yarats (2019) for Adam, as a factor of the base rate:
/// <c>f(t) = min(1, (1 - beta2) / 2 * n)</c> with <c>n = t + 1</c>, i.e. a warmup over <c>2 / (1 - beta2)</c> updates.
/// </summary>
/// <param name="Beta2">Adam's second-moment decay, in [0, 1).</param>
[PeerCall("paper", "untuned_linear_warmup", "ramp.paper")]
public sealed record UntunedLinearWarmup(double Beta2) : Schedule
{
    /// <summary>Adam's second-moment decay, in [0, 1).</summary>
    public double Beta2 { get; } = Beta2 is >= 0 and < 1
        ? Beta2
        : throw new ScheduleArgumentException(nameof(Beta2), Beta2, $"untuned_linear_warmup: beta2 must be in [0, 1) but was {Beta2}");

    /// <inheritdoc />
    public override double ValueAt(long step) => Math.Min(1.0, (1 - Beta2) / 2 * ((double)Math.Max(0, step) + 1));

    /// <summary>The Python call that builds this schedule.</summary>
    public override string ToString() => PeerBinder.Print(this);
}
