using Ramp.Training.Monitoring;

namespace Ramp.Training.Guards;

/// <summary>
/// ZClip's decision over plain numbers. With <c>z = (g - mean) / std</c> against the EMA estimates, a norm with
/// <c>z &gt; zt</c> is clipped to <c>mean + zt * std / (z / zt)</c> (the paper's adaptive mode: the larger the
/// outlier, the harder the clip). The EMA is updated with the norm after clipping so a spike does not inflate it.
/// Nothing is clipped during the warm-up; non-finite norms are left to the other guards and not observed.
/// </summary>
public sealed class ZClip
{
    private readonly ZClipOptions _options;

    /// <summary>A fresh ZClip with the given options.</summary>
    public ZClip(ZClipOptions options)
    {
        _options = options.Validated();
        Moments = EmaMoments.Start(options.Alpha, options.Warmup);
    }

    /// <summary>The current EMA estimates (saved in checkpoints).</summary>
    public EmaMoments Moments { get; set; }

    /// <summary>
    /// Decides for a step with global gradient norm <paramref name="norm"/>: returns the norm to clip to, or null
    /// to leave the gradients alone; <paramref name="z"/> receives the z-score (NaN during the warm-up).
    /// Observes the (clipped) norm.
    /// </summary>
    public double? Decide(double norm, out double z)
    {
        z = double.NaN;
        if (!double.IsFinite(norm)) return null;
        double? target = null;
        if (Moments.Ready)
        {
            z = Moments.ZScore(norm);
            var zt = _options.ZThreshold;
            if (z > zt)
            {
                var std = Moments.StandardDeviation;
                target = double.IsPositiveInfinity(z) ? Moments.Mean : Moments.Mean + zt * std / (z / zt);
            }
        }
        Moments = Moments.Observe(target ?? norm);
        return target;
    }
}
