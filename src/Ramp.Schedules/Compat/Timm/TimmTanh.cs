using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// timm <c>TanhLRScheduler</c>: with the cycle (i, t_i, t_curr) and tr = t_curr / t_i,
/// lr = lr_min + ½(b·cycle_decay^i − lr_min)(1 − tanh(lb·(1 − tr) + ub·tr)) while i &lt; cycle_limit, else lr_min.
/// Without <see cref="WarmupPrefix"/> the warmup aims at the tanh value at warmup_t (so it joins continuously);
/// with it, at the base lr.
/// </summary>
/// <param name="TInitial">Length of the first cycle, positive.</param>
/// <param name="Lb">Lower bound of the tanh argument; must be below <paramref name="Ub"/>; default −7.</param>
/// <param name="Ub">Upper bound of the tanh argument; default 3.</param>
/// <param name="LrMin">Floor, at least 0; default 0.</param>
/// <param name="CycleMul">Cycle length multiplier, positive; default 1.</param>
/// <param name="CycleDecay">Peak multiplier per cycle; default 1.</param>
/// <param name="CycleLimit">Number of cycles, at least 0; default 1.</param>
/// <param name="WarmupT">Warmup length, at least 0; default 0.</param>
/// <param name="WarmupLrInit">Learning rate at t = 0, at least 0; default 0.</param>
/// <param name="WarmupPrefix">Whether the warmup comes before the cycles; default false.</param>
/// <param name="TInEpochs">Whether t counts epochs or updates; does not change the values.</param>
/// <param name="Noise">Learning-rate noise, or null (default).</param>
[PeerCall("timm", "TanhLRScheduler", "timm.scheduler", "timm.scheduler.tanh_lr", TakesOptimizer = true,
    Signature = "t_initial, lb, ub, lr_min, cycle_mul, cycle_decay, cycle_limit, warmup_t, warmup_lr_init, "
        + "warmup_prefix, t_in_epochs, noise_range_t, noise_pct, noise_std, noise_seed, initialize, noise_type")]
public sealed record TimmTanh(
    long TInitial, double Lb = -7.0, double Ub = 3.0, double LrMin = 0, double CycleMul = 1, double CycleDecay = 1,
    long CycleLimit = 1, long WarmupT = 0, double WarmupLrInit = 0, bool WarmupPrefix = false, bool TInEpochs = true,
    [PyConverter(typeof(TimmNoiseArguments))] TimmNoise? Noise = null) : TimmSpec
{
    /// <summary>Upper bound of the tanh argument; default 3.</summary>
    public double Ub { get; } = Check.Finite(Ub, nameof(Ub), Who);

    /// <summary>Peak multiplier per cycle; default 1.</summary>
    public double CycleDecay { get; } = Check.Finite(CycleDecay, nameof(CycleDecay), Who);

    /// <summary>Learning-rate noise, or null (default).</summary>
    public TimmNoise? Noise { get; } = Noise;

    private const string Who = "TanhLRScheduler";

    /// <summary>Length of the first cycle, positive.</summary>
    public long TInitial { get; } = Positive(TInitial, nameof(TInitial), Who);

    /// <summary>Lower bound of the tanh argument, below <see cref="Ub"/>.</summary>
    public double Lb { get; } = Lb < Ub ? Lb : throw new ScheduleArgumentException(nameof(Lb), Lb,
        $"{Who}: lb must be < ub ({Ub}) but was {Lb}");

    /// <summary>Floor, at least 0.</summary>
    public double LrMin { get; } = NotNegative(LrMin, nameof(LrMin), Who);

    /// <summary>Cycle length multiplier, positive.</summary>
    public double CycleMul { get; } = Positive(CycleMul, nameof(CycleMul), Who);

    /// <summary>Number of cycles, at least 0.</summary>
    public long CycleLimit { get; } = NotNegative(CycleLimit, nameof(CycleLimit), Who);

    /// <summary>Warmup length, at least 0.</summary>
    public long WarmupT { get; } = NotNegative(WarmupT, nameof(WarmupT), Who);

    /// <summary>Learning rate at t = 0, at least 0.</summary>
    public double WarmupLrInit { get; } = NotNegative(WarmupLrInit, nameof(WarmupLrInit), Who);

    /// <inheritdoc />
    protected override TimmNoise? NoiseSpec => Noise;

    /// <inheritdoc />
    protected override double CurveAt(double baseLr, long t)
    {
        if (t < WarmupT)
        {
            var target = WarmupPrefix ? baseLr : Tanh(baseLr, WarmupT);
            return Warmup(WarmupLrInit, target, WarmupT, t);
        }
        return Tanh(baseLr, WarmupPrefix ? t - WarmupT : t);
    }

    private double Tanh(double baseLr, long t)
    {
        if (TimmCycle.Locate(t, TInitial, CycleMul) is not { } cycle || cycle.Index >= CycleLimit) return LrMin;
        var lrMax = baseLr * Math.Pow(CycleDecay, cycle.Index);
        var tr = cycle.Position / cycle.Length;
        return LrMin + 0.5 * (lrMax - LrMin) * (1 - Math.Tanh(Lb * (1.0 - tr) + Ub * tr));
    }
}
