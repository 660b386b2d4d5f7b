using Ramp.Schedules;
namespace Ramp.Training.Guards;

/// <summary>
/// ZClip (Kumar et al. 2025): z-score clipping of the global gradient norm against an EMA of its mean and variance.
/// Defaults are the paper's: <c>Alpha = 0.97</c>, <c>ZThreshold = 2.5</c>, 25 warm-up steps.
/// </summary>
/// <param name="Alpha">EMA smoothing in (0, 1).</param>
/// <param name="ZThreshold">z-score above which the norm is clipped, &gt; 0.</param>
/// <param name="Warmup">Steps whose norms are averaged plainly to start the EMA; no clipping before, at least 1.</param>
public sealed record ZClipOptions(double Alpha = 0.97, double ZThreshold = 2.5, int Warmup = 25)
{
    /// <summary>Throws when an option is out of range.</summary>
    public ZClipOptions Validated()
    {
        if (!(Alpha > 0 && Alpha < 1))
            throw new RampArgumentException(nameof(Alpha), Alpha, "zclip: alpha must be in (0, 1)");
        if (!(ZThreshold > 0) || !double.IsFinite(ZThreshold))
            throw new RampArgumentException(nameof(ZThreshold), ZThreshold, "zclip: z threshold must be a finite number > 0");
        if (Warmup < 1)
            throw new RampArgumentException(nameof(Warmup), Warmup, "zclip: warmup must be at least 1");
        return this;
    }
}
