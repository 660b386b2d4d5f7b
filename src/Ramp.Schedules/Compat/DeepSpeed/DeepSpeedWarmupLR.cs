using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>
/// DeepSpeed <c>WarmupLR</c>: with t = last_batch_iteration and W = max(2, warmup_num_steps),
/// lr = min + (max − min)·γ, γ = log(t + 1)/log(W) ('log') or t/W ('linear') for t &lt; W, else 1. At construction
/// (t = −1) lr = min, and the first step() gives γ = 0 again, so the first two updates both run at warmup_min_lr.
/// </summary>
/// <param name="WarmupMinLr">Start value, one or one per group; null (default) means 0.</param>
/// <param name="WarmupMaxLr">Peak, one or one per group; null (default) takes the <b>first</b> group's learning rate for every group, as
/// DeepSpeed does.</param>
/// <param name="WarmupNumSteps">Positive; DeepSpeed raises it to at least 2. Default 1000.</param>
/// <param name="WarmupType">Log (default) or linear.</param>
[PeerCall("deepspeed", "WarmupLR", PythonSpecBuilder.DeepSpeedModule, TakesOptimizer = true)]
public sealed record DeepSpeedWarmupLR(
    EquatableArray<double>? WarmupMinLr = null, EquatableArray<double>? WarmupMaxLr = null, long WarmupNumSteps = 1000,
    DeepSpeedWarmupType WarmupType = DeepSpeedWarmupType.Log) : DeepSpeedSpec
{
    /// <summary>Start value, one or one per group; null (default) means 0.</summary>
    public EquatableArray<double>? WarmupMinLr { get; } = WarmupMinLr is { } vWarmupMinLr ? Check.FiniteList(vWarmupMinLr,
        nameof(WarmupMinLr), Who) : (EquatableArray<double>?)null;

    /// <summary>
    /// Peak, one or one per group; null (default) takes the <b>first</b> group's learning rate for every group, as DeepSpeed does.
    /// </summary>
    public EquatableArray<double>? WarmupMaxLr { get; } = WarmupMaxLr is { } vWarmupMaxLr ? Check.FiniteList(vWarmupMaxLr,
        nameof(WarmupMaxLr), Who) : (EquatableArray<double>?)null;

    /// <summary>Log (default) or linear.</summary>
    public DeepSpeedWarmupType WarmupType { get; } = Check.Defined(WarmupType, nameof(WarmupType), Who);

    private const string Who = "WarmupLR";

    /// <summary>Positive number of warmup steps as given.</summary>
    public long WarmupNumSteps { get; } = WarmupNumSteps > 0
        ? WarmupNumSteps
        : throw new ScheduleArgumentException(nameof(WarmupNumSteps), WarmupNumSteps,
            $"{Who}: warmup_num_steps must be a positive integer, got {WarmupNumSteps}");

    /// <inheritdoc />
    public override double LrAt(IReadOnlyList<double> baseLrs, int group, long lastBatchIteration) =>
        DeepSpeedWarmup.Lr(WarmupMinLr, WarmupMaxLr, baseLrs, group, WarmupNumSteps, WarmupType, null, lastBatchIteration);

    /// <inheritdoc />
    protected override void CheckGroups(int groups) => DeepSpeedWarmup.Check(WarmupMinLr, WarmupMaxLr, groups, Who);
}
