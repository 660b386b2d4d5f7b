using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>
/// DeepSpeed <c>LRRangeTest</c>: lr = min_lr·(1 + step_rate·interval) with interval = (t + 1)/step_size (floored
/// when staircase), t = last_batch_iteration; min_lr at construction. The growth is linear, not exponential.
/// </summary>
/// <param name="LrRangeTestMinLr">Start value, one or one per group; null (default) means 1e-3.</param>
/// <param name="LrRangeTestStepSize">Steps per interval, positive; default 2000.</param>
/// <param name="LrRangeTestStepRate">Growth per interval, as a multiple of min_lr; default 1.</param>
/// <param name="LrRangeTestStaircase">Whether the interval is floored; default false.</param>
[PeerCall("deepspeed", "LRRangeTest", PythonSpecBuilder.DeepSpeedModule, TakesOptimizer = true)]
public sealed record DeepSpeedLRRangeTest(
    EquatableArray<double>? LrRangeTestMinLr = null, long LrRangeTestStepSize = 2000, double LrRangeTestStepRate = 1.0,
    bool LrRangeTestStaircase = false) : DeepSpeedSpec
{
    /// <summary>Start value, one or one per group; null (default) means 1e-3.</summary>
    public EquatableArray<double>? LrRangeTestMinLr { get; } = LrRangeTestMinLr is { } vLrRangeTestMinLr
        ? Check.FiniteList(vLrRangeTestMinLr, nameof(LrRangeTestMinLr), "LRRangeTest") : (EquatableArray<double>?)null;

    /// <summary>Growth per interval, as a multiple of min_lr; default 1.</summary>
    public double LrRangeTestStepRate { get; } = Check.Finite(LrRangeTestStepRate, nameof(LrRangeTestStepRate), "LRRangeTest");

    /// <summary>Steps per interval, positive.</summary>
    public long LrRangeTestStepSize { get; } = LrRangeTestStepSize > 0
        ? LrRangeTestStepSize
        : throw new ScheduleArgumentException(nameof(LrRangeTestStepSize), LrRangeTestStepSize,
            $"LRRangeTest: lr_range_test_step_size must be > 0 but was {LrRangeTestStepSize}");

    /// <inheritdoc />
    public override double LrAt(IReadOnlyList<double> baseLrs, int group, long lastBatchIteration)
    {
        var min = LrRangeTestMinLr is { } mins ? PerGroup(mins, group) : 1e-3;
        if (lastBatchIteration < 0) return min;
        var interval = (double)(lastBatchIteration + 1) / LrRangeTestStepSize;
        if (LrRangeTestStaircase) interval = Math.Floor(interval);
        return min * (1 + LrRangeTestStepRate * interval);
    }

    /// <inheritdoc />
    protected override void CheckGroups(int groups)
    {
        if (LrRangeTestMinLr is { } mins) CheckList(mins, groups, "lr_range_test_min_lr", "LRRangeTest");
    }
}
