using Ramp.Schedules.Compat.Timm;

namespace Ramp.Schedules.Plateau;

/// <summary>
/// The step-driven part of timm's <see cref="PlateauLRScheduler"/> for one group: <c>init + t (base - init) / W</c> for
/// <c>t &lt;= W</c> (W &gt; 0), then <c>base</c>, times the noise factor after the warmup.
/// </summary>
/// <param name="BaseLr">The group's base rate.</param>
/// <param name="WarmupT">Warmup epochs W.</param>
/// <param name="WarmupLrInit">Rate at epoch 0 of the warmup.</param>
/// <param name="Noise">Noise settings, or null.</param>
public sealed record TimmPlateauCurve(double BaseLr, long WarmupT, double WarmupLrInit, TimmNoise? Noise) : Schedule
{
    /// <summary>The group's base rate.</summary>
    public double BaseLr { get; } = Check.Finite(BaseLr, nameof(BaseLr), "timm_plateau_curve");

    /// <summary>Warmup epochs W.</summary>
    public long WarmupT { get; } = WarmupT;

    /// <summary>Rate at epoch 0 of the warmup.</summary>
    public double WarmupLrInit { get; } = Check.Finite(WarmupLrInit, nameof(WarmupLrInit), "timm_plateau_curve");

    /// <summary>Noise settings, or null.</summary>
    public TimmNoise? Noise { get; } = Noise;

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        step = Math.Max(0, step);
        if (WarmupT > 0 && step <= WarmupT) return WarmupLrInit + step * ((BaseLr - WarmupLrInit) / WarmupT);
        return Noise is null ? BaseLr : BaseLr * Noise.FactorAt(step);
    }
}
