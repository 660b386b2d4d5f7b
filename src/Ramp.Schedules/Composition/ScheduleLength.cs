using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Composition;

/// <summary>
/// Where a schedule ends: the first step from which its value no longer changes by design (a warmup's W, a decay's
/// T), used to place the next piece of <c>a &gt;&gt; b</c> and as a default plotting range.
/// </summary>
public static class ScheduleLength
{
    /// <summary>
    /// The length of <paramref name="schedule"/>, or null when it has none (constants, step decays, asymptotic
    /// warmups, unlimited restarts, peers' schedules).
    /// </summary>
    public static long? Of(Schedule schedule) => schedule switch
    {
        LinearWarmup s => s.Steps,
        CosineWarmup s => s.Steps,
        ConstantWarmup s => s.Steps,
        LogWarmup s => s.Steps,
        AdamLinearWarmup s => s.Steps,
        PolynomialDecay s => s.Steps,
        LinearDecay s => s.Steps,
        CosineDecay s => s.Steps,
        TanhDecay s => s.Steps,
        CosineRestarts s => s.Length,
        WarmupStableDecay s => Add(s.Stable, s.Decay),
        PowerScheduler { Decay: > 0 } s => s.Total,
        PiecewiseInterpolated s => s.At[s.At.Count - 1],
        OneCycle s => s.Steps,
        Scaled s => Of(s.Inner),
        PerEpoch s => Of(s.Inner) is { } n && n <= long.MaxValue / s.Steps ? n * s.Steps : null,
        Product s => MaxOf(s.Factors),
        Join s => Of(s.Pieces[s.Pieces.Count - 1]) is { } n ? Add(s.At[s.At.Count - 1], n) : null,
        _ => null,
    };

    private static long? Add(long a, long b) => a > long.MaxValue - b ? null : a + b;

    private static long? MaxOf(EquatableArray<Schedule> factors)
    {
        long max = 0;
        foreach (var factor in factors)
        {
            if (Of(factor) is not { } n) return null;
            max = Math.Max(max, n);
        }
        return max;
    }
}
