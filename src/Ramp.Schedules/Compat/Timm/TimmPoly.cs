using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// timm <c>PolyLRScheduler</c>: with the cycle (i, t_i, t_curr),
/// lr = lr_min + (b·cycle_decay^i − lr_min)·(1 − t_curr^k / t_i^k)^power while i &lt; cycle_limit, else lr_min.
/// </summary>
/// <param name="TInitial">Length of the first cycle, positive.</param>
/// <param name="Power">Exponent; default 0.5 (timm's factory passes its decay_rate instead).</param>
/// <param name="LrMin">Floor, at least 0; default 0.</param>
/// <param name="CycleMul">Cycle length multiplier, positive; default 1.</param>
/// <param name="CycleDecay">Peak multiplier per cycle; default 1.</param>
/// <param name="CycleLimit">Number of cycles; default 1.</param>
/// <param name="WarmupT">Warmup length, at least 0; default 0.</param>
/// <param name="WarmupLrInit">Learning rate at t = 0; default 0.</param>
/// <param name="WarmupPrefix">Whether the warmup comes before the cycles; default false.</param>
/// <param name="TInEpochs">Whether t counts epochs or updates; does not change the values.</param>
/// <param name="Noise">Learning-rate noise, or null (default).</param>
/// <param name="KDecay">k of k-decay; default 1.</param>
[PeerCall("timm", "PolyLRScheduler", "timm.scheduler", "timm.scheduler.poly_lr", TakesOptimizer = true,
    Signature = "t_initial, power, lr_min, cycle_mul, cycle_decay, cycle_limit, warmup_t, warmup_lr_init, "
        + "warmup_prefix, t_in_epochs, noise_range_t, noise_pct, noise_std, noise_seed, k_decay, initialize, noise_type")]
public sealed record TimmPoly(
    long TInitial, double Power = 0.5, double LrMin = 0, double CycleMul = 1, double CycleDecay = 1, long CycleLimit = 1,
    long WarmupT = 0, double WarmupLrInit = 0, bool WarmupPrefix = false, bool TInEpochs = true,
        [PyConverter(typeof(TimmNoiseArguments))] TimmNoise? Noise = null,
    double KDecay = 1.0) : TimmSpec
{
    /// <summary>Exponent; default 0.5 (timm's factory passes its decay_rate instead).</summary>
    public double Power { get; } = Check.Finite(Power, nameof(Power), Who);

    /// <summary>Peak multiplier per cycle; default 1.</summary>
    public double CycleDecay { get; } = Check.Finite(CycleDecay, nameof(CycleDecay), Who);

    /// <summary>Number of cycles; default 1.</summary>
    public long CycleLimit { get; } = CycleLimit;

    /// <summary>Learning rate at t = 0; default 0.</summary>
    public double WarmupLrInit { get; } = Check.Finite(WarmupLrInit, nameof(WarmupLrInit), Who);

    /// <summary>Learning-rate noise, or null (default).</summary>
    public TimmNoise? Noise { get; } = Noise;

    /// <summary>k of k-decay; default 1.</summary>
    public double KDecay { get; } = Check.Finite(KDecay, nameof(KDecay), Who);

    private const string Who = "PolyLRScheduler";

    /// <summary>Length of the first cycle, positive.</summary>
    public long TInitial { get; } = Positive(TInitial, nameof(TInitial), Who);

    /// <summary>Floor, at least 0.</summary>
    public double LrMin { get; } = NotNegative(LrMin, nameof(LrMin), Who);

    /// <summary>Cycle length multiplier, positive.</summary>
    public double CycleMul { get; } = Positive(CycleMul, nameof(CycleMul), Who);

    /// <summary>Warmup length, at least 0.</summary>
    public long WarmupT { get; } = NotNegative(WarmupT, nameof(WarmupT), Who);

    /// <inheritdoc />
    protected override TimmNoise? NoiseSpec => Noise;

    /// <inheritdoc />
    protected override double CurveAt(double baseLr, long t)
    {
        if (t < WarmupT) return Warmup(WarmupLrInit, baseLr, WarmupT, t);
        if (WarmupPrefix) t -= WarmupT;
        if (TimmCycle.Locate(t, TInitial, CycleMul) is not { } cycle || cycle.Index >= CycleLimit) return LrMin;
        var lrMax = baseLr * Math.Pow(CycleDecay, cycle.Index);
        var k = KDecay;
        return LrMin + (lrMax - LrMin) * Math.Pow(1 - Math.Pow(cycle.Position, k) / Math.Pow(cycle.Length, k), Power);
    }
}
