using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_cosine_with_min_lr_schedule_with_warmup_lr_rate</c> (SchedulerType
/// <c>"cosine_warmup_with_min_lr"</c>), which indexes one step ahead of the other helpers:
/// for t &lt; W, λ = (t + 1) / max(1, W) when <see cref="WarmupLrRate"/> is null, else r + (1 − r)·t / max(1, W − 1);
/// after it, with p = (t − W + 1) / max(1, T − W) and f = ½(1 + cos(2π·NumCycles·p)), λ = max(0, f·(1 − m) + m).
/// </summary>
/// <remarks>
/// Step 0 already gets 1/W, the factor 1 is reached at t = W − 1, the first step after warmup is already decayed,
/// the floor m is reached at t = T − 1 and the factor rises again after it.
/// </remarks>
/// <param name="NumWarmupSteps">W, at least 0.</param>
/// <param name="NumTrainingSteps">T, at least 0 (warmup included).</param>
/// <param name="NumCycles">Number of cosine waves over T − W; default 0.5.</param>
/// <param name="MinLr">Absolute floor for a group whose base is the optimizer's default lr; exactly one of this and <paramref
/// name="MinLrRate"/>.</param>
/// <param name="MinLrRate">Floor as a fraction of each group's base learning rate; exactly one of this and <paramref
/// name="MinLr"/>.</param>
/// <param name="WarmupLrRate">r, the factor at step 0; null (default) for the (t + 1)/W warmup.</param>
[PeerCall("hf", "get_cosine_with_min_lr_schedule_with_warmup_lr_rate", "transformers", "transformers.optimization", TakesOptimizer = true,
    Signature = "num_warmup_steps, num_training_steps, num_cycles, last_epoch, min_lr, min_lr_rate, warmup_lr_rate")]
public sealed record HfCosineWarmupWithMinLr([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps, long NumTrainingSteps,
    double NumCycles = 0.5, double? MinLr = null, double? MinLrRate = null,
    double? WarmupLrRate = null) : HfLambdaSpec
{
    /// <summary>Number of cosine waves over T − W; default 0.5.</summary>
    public double NumCycles { get; } = Check.Finite(NumCycles, nameof(NumCycles), Who);

    /// <summary>Floor as a fraction of each group's base learning rate; exactly one of this and <see cref="MinLr"/>.</summary>
    public double? MinLrRate { get; } = MinLrRate is { } vMinLrRate ? Check.Finite(vMinLrRate, nameof(MinLrRate), Who) : null;

    /// <summary>r, the factor at step 0; null (default) for the (t + 1)/W warmup.</summary>
    public double? WarmupLrRate { get; } = WarmupLrRate is { } vWarmupLrRate ? Check.Finite(vWarmupLrRate, nameof(WarmupLrRate), Who)
        : null;

    private const string Who = "get_cosine_with_min_lr_schedule_with_warmup_lr_rate";

    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps), Who);

    /// <summary>T, at least 0.</summary>
    public long NumTrainingSteps { get; } = NonNegative(NumTrainingSteps, nameof(NumTrainingSteps), Who);

    /// <summary>The absolute floor, or null.</summary>
    public double? MinLr { get; } = ExactlyOneFloor(MinLr, MinLrRate, Who);

    /// <inheritdoc />
    public override double Lambda(long step)
    {
        double t = step, w = NumWarmupSteps, total = NumTrainingSteps;
        if (t < w)
        {
            return WarmupLrRate is not { } r
                ? (t + 1.0) / Math.Max(1.0, w)
                : r + (1.0 - r) * t / Math.Max(1, w - 1);
        }
        var rate = MinLrRate ?? throw new InvalidOperationException($"{Who}: min_lr is only a rate once bound to parameter groups");
        var progress = (t - w + 1.0) / Math.Max(1.0, total - w);
        var factor = 0.5 * (1.0 + Math.Cos(Math.PI * NumCycles * 2.0 * progress));
        return Math.Max(0, factor * (1 - rate) + rate);
    }

    /// <inheritdoc />
    protected override HfLambdaSpec Resolve(IReadOnlyList<double> baseLrs) =>
        MinLrRate is null ? new HfCosineWarmupWithMinLr(NumWarmupSteps, NumTrainingSteps, NumCycles, null,
            MinLr!.Value / DefaultLr(baseLrs), WarmupLrRate) : this;
}
