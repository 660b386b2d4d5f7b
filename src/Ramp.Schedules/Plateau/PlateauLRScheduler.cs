using Ramp.Schedules.Compat.Timm;
using Ramp.Schedules.Compat.Torch;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Plateau;

/// <summary>
/// timm <c>PlateauLRScheduler(optimizer, decay_rate=0.1, patience_t=10, threshold=1e-4, cooldown_t=0, warmup_t=0,
/// warmup_lr_init=0, lr_min=0, mode='max', noise_range_t=None, noise_type='normal', noise_pct=0.67, noise_seed=None)</c>:
/// a linear warmup <c>warmup_lr_init + t (base - warmup_lr_init) / warmup_t</c> for <c>t &lt;= warmup_t</c>, then the base
/// rate reduced by PyTorch's plateau logic, which ignores the metrics observed during the warmup.
/// </summary>
/// <remarks>
/// Note timm's default mode is 'max' (an accuracy), unlike PyTorch. With noise, epochs in the noise range get
/// <c>lr * (1 + n)</c>, <c>n</c> drawn from a generator seeded with <c>noise_seed + t</c> ('normal': redrawn until
/// <c>|n| &lt; noise_pct</c>; 'uniform': in <c>(-noise_pct, noise_pct)</c>); the draws follow timm's distribution and
/// seeding scheme but not PyTorch's random stream.
/// </remarks>
/// <param name="Plateau">The PyTorch plateau settings (timm's decay_rate, patience_t, threshold, cooldown_t, lr_min, mode).</param>
/// <param name="WarmupT">Warmup epochs (<c>warmup_t</c>), at least 0.</param>
/// <param name="WarmupLrInit">Rate at epoch 0 of the warmup (<c>warmup_lr_init</c>).</param>
/// <param name="Noise">Noise settings, or null for none.</param>
[PeerCall("timm", "PlateauLRScheduler", "timm.scheduler", "timm.scheduler.plateau_lr", TakesOptimizer = true,
    Signature = "decay_rate, patience_t, verbose, threshold, cooldown_t, warmup_t, warmup_lr_init, lr_min, mode, noise_range_t, "
        + "noise_type, noise_pct, noise_std, noise_seed, initialize")]
public sealed record PlateauLRScheduler(
    [PyConverter(typeof(TimmPlateauArguments))] ReduceLROnPlateau Plateau, long WarmupT = 0, double WarmupLrInit = 0,
        [PyConverter(typeof(TimmNoiseArguments))] TimmNoise? Noise = null)
    : ScheduleSpec
{
    /// <summary>The PyTorch plateau settings (timm's decay_rate, patience_t, threshold, cooldown_t, lr_min, mode).</summary>
    public ReduceLROnPlateau Plateau { get; } = Check.NotNull(Plateau, nameof(Plateau), "PlateauLRScheduler");

    /// <summary>Rate at epoch 0 of the warmup (<c>warmup_lr_init</c>).</summary>
    public double WarmupLrInit { get; } = Check.Finite(WarmupLrInit, nameof(WarmupLrInit), "PlateauLRScheduler");

    /// <summary>Noise settings, or null for none.</summary>
    public TimmNoise? Noise { get; } = Noise;

    /// <summary>Warmup epochs, at least 0.</summary>
    public long WarmupT { get; } = WarmupT >= 0
        ? WarmupT
        : throw new ScheduleArgumentException(nameof(WarmupT), WarmupT,
            $"PlateauLRScheduler: warmup_t must be at least 0 but was {WarmupT}");

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        var lr = baseLrs.Select(b => (Schedule)new TimmPlateauCurve(b, WarmupT, WarmupLrInit, Noise)).ToArray();
        return new ScheduleSet(lr, Plateau: Plateau.Rule(baseLrs, WarmupT));
    }

    /// <summary>The Python call that builds this schedule.</summary>
    public override string ToString() => PeerBinder.Print(this);
}
