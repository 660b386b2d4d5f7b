using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>
/// DeepSpeed <c>WarmupDecayLR</c>: the warmup of <see cref="DeepSpeedWarmupLR"/>, then from t = W a linear decay
/// γ = max(0, (T − t) / max(1, T − W)) to 0 at t = T, clamped. Its max default is 0.001 (not the group lr).
/// </summary>
/// <param name="TotalNumSteps">T, counted in optimizer steps.</param>
/// <param name="WarmupMinLr">Start value, one or one per group; null (default) means 0.</param>
/// <param name="WarmupMaxLr">Peak, one or one per group; null (default) means 0.001.</param>
/// <param name="WarmupNumSteps">Positive; raised to at least 2. Default 1000.</param>
/// <param name="WarmupType">Log (default) or linear.</param>
[PeerCall("deepspeed", "WarmupDecayLR", PythonSpecBuilder.DeepSpeedModule, TakesOptimizer = true)]
public sealed record DeepSpeedWarmupDecayLR(
    long TotalNumSteps, EquatableArray<double>? WarmupMinLr = null, EquatableArray<double>? WarmupMaxLr = null,
    long WarmupNumSteps = 1000, DeepSpeedWarmupType WarmupType = DeepSpeedWarmupType.Log) : DeepSpeedSpec
{
    /// <summary>T, counted in optimizer steps.</summary>
    public long TotalNumSteps { get; } = TotalNumSteps;

    /// <summary>Start value, one or one per group; null (default) means 0.</summary>
    public EquatableArray<double>? WarmupMinLr { get; } = WarmupMinLr is { } vWarmupMinLr ? Check.FiniteList(vWarmupMinLr,
        nameof(WarmupMinLr), Who) : (EquatableArray<double>?)null;

    /// <summary>Peak, one or one per group; null (default) means 0.001.</summary>
    public EquatableArray<double>? WarmupMaxLr { get; } = WarmupMaxLr is { } vWarmupMaxLr ? Check.FiniteList(vWarmupMaxLr,
        nameof(WarmupMaxLr), Who) : (EquatableArray<double>?)null;

    /// <summary>Log (default) or linear.</summary>
    public DeepSpeedWarmupType WarmupType { get; } = Check.Defined(WarmupType, nameof(WarmupType), Who);

    private const string Who = "WarmupDecayLR";

    /// <summary>Positive number of warmup steps as given.</summary>
    public long WarmupNumSteps { get; } = WarmupNumSteps > 0
        ? WarmupNumSteps
        : throw new ScheduleArgumentException(nameof(WarmupNumSteps), WarmupNumSteps,
            $"{Who}: warmup_num_steps must be a positive integer, got {WarmupNumSteps}");

    /// <inheritdoc />
    public override double LrAt(IReadOnlyList<double> baseLrs, int group, long lastBatchIteration) =>
        DeepSpeedWarmup.Lr(WarmupMinLr, WarmupMaxLr ?? new[] { 0.001 }, baseLrs, group, WarmupNumSteps, WarmupType, TotalNumSteps,
            lastBatchIteration);

    /// <inheritdoc />
    protected override void CheckGroups(int groups) => DeepSpeedWarmup.Check(WarmupMinLr, WarmupMaxLr, groups, Who);
}
