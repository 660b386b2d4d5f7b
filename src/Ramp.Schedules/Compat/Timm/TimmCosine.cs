using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// timm <c>CosineLRScheduler</c> (SGDR with warmup, restarts and k-decay). For t &lt; warmup_t the common warmup
/// towards the base lr; otherwise (t shifted by warmup_t when <see cref="WarmupPrefix"/>) with the cycle (i, t_i, t_curr)
/// of <c>TimmCycle</c>: lr = lr_min + ½(b·cycle_decay^i − lr_min)(1 + cos(π·t_curr^k / t_i^k)) while i &lt; cycle_limit,
/// else lr_min.
/// </summary>
/// <remarks>
/// Without the prefix (the default) the warmup is counted inside t_initial and the cosine is not shifted, so the
/// first post-warmup value is cos(warmup_t), below the base: the warmup never reaches the base exactly.
/// </remarks>
/// <param name="TInitial">Length of the first cycle, positive.</param>
/// <param name="LrMin">Floor, at least 0; default 0.</param>
/// <param name="CycleMul">Each cycle is this many times longer than the previous; positive, default 1.</param>
/// <param name="CycleDecay">Each cycle's peak is this many times the previous one; default 1.</param>
/// <param name="CycleLimit">Number of cycles before holding lr_min; default 1.</param>
/// <param name="WarmupT">Warmup length, at least 0; default 0.</param>
/// <param name="WarmupLrInit">Learning rate at t = 0 of the warmup; default 0.</param>
/// <param name="WarmupPrefix">Whether the warmup comes before the cycles instead of inside the first; default false.</param>
/// <param name="TInEpochs">Whether t counts epochs (<c>step</c>) or updates (<c>step_update</c>); does not change the values.</param>
/// <param name="Noise">Learning-rate noise, or null (default).</param>
/// <param name="KDecay">k of k-decay; default 1.</param>
[PeerCall("timm", "CosineLRScheduler", "timm.scheduler", "timm.scheduler.cosine_lr", TakesOptimizer = true,
    Signature = "t_initial, lr_min, cycle_mul, cycle_decay, cycle_limit, warmup_t, warmup_lr_init, warmup_prefix, "
        + "t_in_epochs, noise_range_t, noise_pct, noise_std, noise_seed, k_decay, initialize, noise_type")]
public sealed record TimmCosine(
    long TInitial, double LrMin = 0, double CycleMul = 1, double CycleDecay = 1, long CycleLimit = 1, long WarmupT = 0,
    double WarmupLrInit = 0, bool WarmupPrefix = false, bool TInEpochs = true,
        [PyConverter(typeof(TimmNoiseArguments))] TimmNoise? Noise = null, double KDecay = 1.0) : TimmSpec
{
    /// <summary>Each cycle's peak is this many times the previous one; default 1.</summary>
    public double CycleDecay { get; } = Check.Finite(CycleDecay, nameof(CycleDecay), Who);

    /// <summary>Number of cycles before holding lr_min; default 1.</summary>
    public long CycleLimit { get; } = CycleLimit;

    /// <summary>Learning rate at t = 0 of the warmup; default 0.</summary>
    public double WarmupLrInit { get; } = Check.Finite(WarmupLrInit, nameof(WarmupLrInit), Who);

    /// <summary>Learning-rate noise, or null (default).</summary>
    public TimmNoise? Noise { get; } = Noise;

    /// <summary>k of k-decay; default 1.</summary>
    public double KDecay { get; } = Check.Finite(KDecay, nameof(KDecay), Who);

    private const string Who = "CosineLRScheduler";

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
        return LrMin + 0.5 * (lrMax - LrMin) * (1 + Math.Cos(Math.PI * Math.Pow(cycle.Position, k) / Math.Pow(cycle.Length, k)));
    }
}
