using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// timm <c>StepLRScheduler</c>: after the warmup (t shifted by warmup_t when <see cref="WarmupPrefix"/>, the
/// default here), lr = b·decay_rate^(t // decay_t).
/// </summary>
/// <param name="DecayT">Steps between decays, positive (may be fractional, as in timm).</param>
/// <param name="DecayRate">Multiplier per decay; default 1 (no decay).</param>
/// <param name="WarmupT">Warmup length, at least 0; default 0.</param>
/// <param name="WarmupLrInit">Learning rate at t = 0; default 0.</param>
/// <param name="WarmupPrefix">Whether the warmup comes before the decays; default true.</param>
/// <param name="TInEpochs">Whether t counts epochs or updates; does not change the values.</param>
/// <param name="Noise">Learning-rate noise, or null (default).</param>
[PeerCall("timm", "StepLRScheduler", "timm.scheduler", "timm.scheduler.step_lr", TakesOptimizer = true,
    Signature = "decay_t, decay_rate, warmup_t, warmup_lr_init, warmup_prefix, t_in_epochs, "
        + "noise_range_t, noise_pct, noise_std, noise_seed, initialize, noise_type")]
public sealed record TimmStep(
    double DecayT, double DecayRate = 1.0, long WarmupT = 0, double WarmupLrInit = 0, bool WarmupPrefix = true,
    bool TInEpochs = true, [PyConverter(typeof(TimmNoiseArguments))] TimmNoise? Noise = null) : TimmSpec
{
    /// <summary>Multiplier per decay; default 1 (no decay).</summary>
    public double DecayRate { get; } = Check.Finite(DecayRate, nameof(DecayRate), Who);

    /// <summary>Learning rate at t = 0; default 0.</summary>
    public double WarmupLrInit { get; } = Check.Finite(WarmupLrInit, nameof(WarmupLrInit), Who);

    /// <summary>Learning-rate noise, or null (default).</summary>
    public TimmNoise? Noise { get; } = Noise;

    private const string Who = "StepLRScheduler";

    /// <summary>Steps between decays, positive.</summary>
    public double DecayT { get; } = Positive(DecayT, nameof(DecayT), Who);

    /// <summary>Warmup length, at least 0.</summary>
    public long WarmupT { get; } = NotNegative(WarmupT, nameof(WarmupT), Who);

    /// <inheritdoc />
    protected override TimmNoise? NoiseSpec => Noise;

    /// <inheritdoc />
    protected override double CurveAt(double baseLr, long t)
    {
        if (t < WarmupT) return Warmup(WarmupLrInit, baseLr, WarmupT, t);
        if (WarmupPrefix) t -= WarmupT;
        return baseLr * Math.Pow(DecayRate, TimmCycle.FloorDiv(t, DecayT));
    }
}
