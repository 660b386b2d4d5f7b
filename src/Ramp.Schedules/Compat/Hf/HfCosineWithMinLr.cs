using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_cosine_with_min_lr_schedule_with_warmup</c>: λ(t) = t / max(1, W) for t &lt; W; else with
/// p = (t − W) / max(1, T − W) and f = ½(1 + cos(2π·NumCycles·p)), λ = max(0, f·(1 − m) + m), where
/// m = <see cref="MinLrRate"/> or <see cref="MinLr"/> / <c>optimizer.defaults["lr"]</c> (the first group's base
/// learning rate when binding). Like the plain cosine it rises again after T.
/// </summary>
/// <param name="NumWarmupSteps">W, at least 0.</param>
/// <param name="NumTrainingSteps">T, at least 0 (warmup included).</param>
/// <param name="NumCycles">Number of cosine waves over T − W; default 0.5.</param>
/// <param name="MinLr">Absolute floor for a group whose base is the optimizer's default lr; exactly one of this and <paramref
/// name="MinLrRate"/>.</param>
/// <param name="MinLrRate">Floor as a fraction of each group's base learning rate; exactly one of this and <paramref
/// name="MinLr"/>.</param>
[PeerCall("hf", "get_cosine_with_min_lr_schedule_with_warmup", "transformers", "transformers.optimization", TakesOptimizer = true,
    Signature = "num_warmup_steps, num_training_steps, num_cycles, last_epoch, min_lr, min_lr_rate")]
public sealed record HfCosineWithMinLr([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps, long NumTrainingSteps,
    double NumCycles = 0.5, double? MinLr = null, double? MinLrRate = null) : HfLambdaSpec
{
    /// <summary>Number of cosine waves over T − W; default 0.5.</summary>
    public double NumCycles { get; } = Check.Finite(NumCycles, nameof(NumCycles), Who);

    /// <summary>Floor as a fraction of each group's base learning rate; exactly one of this and <see cref="MinLr"/>.</summary>
    public double? MinLrRate { get; } = MinLrRate is { } vMinLrRate ? Check.Finite(vMinLrRate, nameof(MinLrRate), Who) : null;

    private const string Who = "get_cosine_with_min_lr_schedule_with_warmup";

    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps), Who);

    /// <summary>T, at least 0.</summary>
    public long NumTrainingSteps { get; } = NonNegative(NumTrainingSteps, nameof(NumTrainingSteps), Who);

    /// <summary>The absolute floor, or null.</summary>
    public double? MinLr { get; } = ExactlyOneFloor(MinLr, MinLrRate, Who);

    /// <inheritdoc />
    public override double Lambda(long step)
    {
        if (step < NumWarmupSteps) return Warmup(step, NumWarmupSteps);
        var rate = MinLrRate ?? throw new InvalidOperationException($"{Who}: min_lr is only a rate once bound to parameter groups");
        var progress = (double)(step - NumWarmupSteps) / Math.Max(1, NumTrainingSteps - NumWarmupSteps);
        var factor = 0.5 * (1.0 + Math.Cos(Math.PI * NumCycles * 2.0 * progress));
        return Math.Max(0, factor * (1 - rate) + rate);
    }

    /// <inheritdoc />
    protected override HfLambdaSpec Resolve(IReadOnlyList<double> baseLrs) =>
        MinLrRate is null ? new HfCosineWithMinLr(NumWarmupSteps, NumTrainingSteps, NumCycles, null, MinLr!.Value / DefaultLr(baseLrs))
            : this;
}
