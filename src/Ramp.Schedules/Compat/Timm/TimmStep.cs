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
public sealed record TimmStep(
    double DecayT, double DecayRate = 1.0, long WarmupT = 0, double WarmupLrInit = 0, bool WarmupPrefix = true,
    bool TInEpochs = true, TimmNoise? Noise = null) : TimmSpec
{
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

    /// <summary>The Python call.</summary>
    public override string ToString() =>
        $"timm.scheduler.StepLRScheduler(decay_t={PyText(DecayT)}, decay_rate={PyText(DecayRate)}, warmup_t={WarmupT}, "
        + $"warmup_lr_init={PyText(WarmupLrInit)}, warmup_prefix={PyText(WarmupPrefix)}, t_in_epochs={PyText(TInEpochs)}{TimmNoiseText.Of(Noise)})";
}
