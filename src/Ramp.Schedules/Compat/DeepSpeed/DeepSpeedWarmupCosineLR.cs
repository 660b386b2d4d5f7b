using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>
/// DeepSpeed <c>WarmupCosineLR</c>: lr = org_lr·r with org_lr each group's learning rate at construction. With
/// W = max(2, warmup_num_steps) and t = last_batch_iteration: t &lt; 0 (construction) → r = 0; t &lt; W →
/// r = min_ratio + (1 − min_ratio)·(log(t + 1)/log(W) or t/W); else progress = min(1, (t − W + 1)/max(1, T − W)),
/// r = max(0, cos_min + (1 − cos_min)·½(1 + cos(π·progress))).
/// </summary>
/// <remarks>
/// So the first update runs at 0 (not at warmup_min_ratio), the first post-warmup step is already decayed, and the
/// ratio is held at cos_min_ratio after T (DeepSpeed's recent clamp).
/// </remarks>
/// <param name="TotalNumSteps">T, counted in optimizer steps.</param>
/// <param name="WarmupMinRatio">Warmup start as a fraction of org_lr; default 0.</param>
/// <param name="WarmupNumSteps">Positive; raised to at least 2. Default 1000.</param>
/// <param name="CosMinRatio">Final fraction of org_lr; default 1e-4.</param>
/// <param name="WarmupType">Log (default) or linear.</param>
[PeerCall("deepspeed", "WarmupCosineLR", PythonSpecBuilder.DeepSpeedModule, TakesOptimizer = true)]
public sealed record DeepSpeedWarmupCosineLR(
    long TotalNumSteps, double WarmupMinRatio = 0.0, long WarmupNumSteps = 1000, double CosMinRatio = 0.0001,
    DeepSpeedWarmupType WarmupType = DeepSpeedWarmupType.Log) : DeepSpeedSpec
{
    /// <summary>T, counted in optimizer steps.</summary>
    public long TotalNumSteps { get; } = TotalNumSteps;

    /// <summary>Warmup start as a fraction of org_lr; default 0.</summary>
    public double WarmupMinRatio { get; } = Check.Finite(WarmupMinRatio, nameof(WarmupMinRatio), "WarmupCosineLR");

    /// <summary>Final fraction of org_lr; default 1e-4.</summary>
    public double CosMinRatio { get; } = Check.Finite(CosMinRatio, nameof(CosMinRatio), "WarmupCosineLR");

    /// <summary>Log (default) or linear.</summary>
    public DeepSpeedWarmupType WarmupType { get; } = Check.Defined(WarmupType, nameof(WarmupType), "WarmupCosineLR");

    /// <summary>Positive number of warmup steps as given.</summary>
    public long WarmupNumSteps { get; } = WarmupNumSteps > 0
        ? WarmupNumSteps
        : throw new ScheduleArgumentException(nameof(WarmupNumSteps), WarmupNumSteps,
            $"WarmupCosineLR: warmup_num_steps must be a positive integer, got {WarmupNumSteps}");

    /// <summary>The ratio r at <paramref name="lastBatchIteration"/>.</summary>
    public double RatioAt(long lastBatchIteration)
    {
        if (lastBatchIteration < 0) return 0.0;
        var w = Math.Max(2, WarmupNumSteps);
        if (lastBatchIteration < w)
        {
            var ratio = WarmupGamma(WarmupType, w, lastBatchIteration);
            return WarmupMinRatio + ratio * (1.0 - WarmupMinRatio);
        }
        var realLastStep = lastBatchIteration - w + 1;
        var realTotalSteps = Math.Max(1, TotalNumSteps - w);
        var progress = Math.Min(1.0, (double)realLastStep / realTotalSteps);
        var cosine = (1 + Math.Cos(Math.PI * progress)) / 2;
        return Math.Max(0.0, CosMinRatio + (1.0 - CosMinRatio) * cosine);
    }

    /// <inheritdoc />
    public override double LrAt(IReadOnlyList<double> baseLrs, int group, long lastBatchIteration) =>
        lastBatchIteration < 0 ? 0.0 : baseLrs[group] * RatioAt(lastBatchIteration);
}
