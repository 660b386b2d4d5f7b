using System.Globalization;
using System.Text.Json;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Guards;

/// <summary>
/// ZClip's decision over plain numbers. With <c>z = (g - mean) / std</c> against the EMA estimates, a norm with
/// <c>z &gt; zt</c> is clipped to <c>mean + zt * std / (z / zt)</c> (the paper's adaptive mode: the larger the
/// outlier, the harder the clip). The EMA is updated with the norm after clipping so a spike does not inflate it.
/// Nothing is clipped during the warm-up; non-finite norms are left to the other guards and not observed.
/// As a guard it decides on the host (a <c>zclip</c> event with the z-score) and its EMA is checkpointed.
/// </summary>
public sealed class ZClip : IGuard
{
    private readonly ZClipOptions _options;
    private readonly GuardDecision _none;

    /// <summary>A fresh ZClip with the given options.</summary>
    public ZClip(ZClipOptions options)
    {
        _options = options.Validated();
        Moments = EmaMoments.Start(options.Alpha, options.Warmup);
        _none = GuardDecision.None(Name);
    }

    /// <summary>The current EMA estimates (saved in checkpoints).</summary>
    public EmaMoments Moments { get; set; }

    /// <inheritdoc />
    public string Name => "zclip";

    /// <inheritdoc />
    public bool OnHost => true;

    /// <inheritdoc />
    public bool NeedsGlobalNorm => true;

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

    /// <inheritdoc />
    public GuardDecision Decide(GuardStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var norm = step.NormValue;
        if (Decide(norm, out var z) is not { } target) return _none;
        GradientOps.ScaleTo(step.Parameters, norm, target);
        return new(Name, GuardAction.Clip, string.Create(CultureInfo.InvariantCulture,
            $"gradient norm {norm:G4} is {z:G4} sigma above its mean; clipped to {target:G4}"), z);
    }

    /// <inheritdoc />
    public GuardDecision Explain(long step, double value, double gradNorm) => throw new NotSupportedException("zclip decides on the host");

    /// <inheritdoc />
    public JsonElement? SaveState() => GuardChain.Save(Moments);

    /// <inheritdoc />
    public void RestoreState(JsonElement? state, bool rollingBack) =>
        Moments = state is { } s ? GuardChain.Load<EmaMoments>(s) : EmaMoments.Start(_options.Alpha, _options.Warmup);
}
