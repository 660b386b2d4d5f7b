using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// timm <c>MultiStepLRScheduler</c>: after the warmup (t shifted by warmup_t when <see cref="WarmupPrefix"/>, the
/// default here), lr = b·decay_rate^bisect_right(decay_t, t + 1).
/// </summary>
/// <remarks>
/// The <c>t + 1</c> is timm's: each decay happens one step before its milestone (milestone 30 is already decayed at
/// t = 29), unlike timm's StepLRScheduler and PyTorch's MultiStepLR. Reproduced on purpose.
/// </remarks>
/// <param name="DecayT">Milestones, ascending.</param>
/// <param name="DecayRate">Multiplier per milestone; default 1 (no decay).</param>
/// <param name="WarmupT">Warmup length, at least 0; default 0.</param>
/// <param name="WarmupLrInit">Learning rate at t = 0; default 0.</param>
/// <param name="WarmupPrefix">Whether the warmup comes before the milestones; default true.</param>
/// <param name="TInEpochs">Whether t counts epochs or updates; does not change the values.</param>
/// <param name="Noise">Learning-rate noise, or null (default).</param>
[PeerCall("timm", "MultiStepLRScheduler", "timm.scheduler", "timm.scheduler.multistep_lr", TakesOptimizer = true,
    Signature = "decay_t, decay_rate, warmup_t, warmup_lr_init, warmup_prefix, t_in_epochs, "
        + "noise_range_t, noise_pct, noise_std, noise_seed, initialize, noise_type")]
public sealed record TimmMultiStep(
    EquatableArray<long> DecayT, double DecayRate = 1.0, long WarmupT = 0, double WarmupLrInit = 0, bool WarmupPrefix = true,
    bool TInEpochs = true, [PyConverter(typeof(TimmNoiseArguments))] TimmNoise? Noise = null) : TimmSpec
{
    /// <summary>Multiplier per milestone; default 1 (no decay).</summary>
    public double DecayRate { get; } = Check.Finite(DecayRate, nameof(DecayRate), Who);

    /// <summary>Learning rate at t = 0; default 0.</summary>
    public double WarmupLrInit { get; } = Check.Finite(WarmupLrInit, nameof(WarmupLrInit), Who);

    /// <summary>Learning-rate noise, or null (default).</summary>
    public TimmNoise? Noise { get; } = Noise;

    private const string Who = "MultiStepLRScheduler";

    /// <summary>Milestones, ascending.</summary>
    public EquatableArray<long> DecayT { get; } = Ascending(DecayT);

    /// <summary>Warmup length, at least 0.</summary>
    public long WarmupT { get; } = NotNegative(WarmupT, nameof(WarmupT), Who);

    /// <inheritdoc />
    protected override TimmNoise? NoiseSpec => Noise;

    /// <inheritdoc />
    protected override double CurveAt(double baseLr, long t)
    {
        if (t < WarmupT) return Warmup(WarmupLrInit, baseLr, WarmupT, t);
        if (WarmupPrefix) t -= WarmupT;
        var passed = 0;
        foreach (var milestone in DecayT.AsSpan())
        {
            if (milestone <= t + 1) passed++;
        }
        return baseLr * Math.Pow(DecayRate, passed);
    }

    private static EquatableArray<long> Ascending(EquatableArray<long> milestones)
    {
        for (var i = 1; i < milestones.Count; i++)
        {
            if (milestones[i] < milestones[i - 1])
            {
                throw ScheduleArgumentException.For($"{Who}: decay_t must be in ascending order but was {milestones}", nameof(DecayT));
            }
        }
        return milestones;
    }
}
