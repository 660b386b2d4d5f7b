namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// What the training monitor measured for one optimizer step, as the automatic warmup reads it.
/// </summary>
/// <param name="Loss">Training loss of the step.</param>
/// <param name="GradNorm">Global gradient norm of the step, or null when it was not measured (the gate is skipped).</param>
/// <param name="UpdateRatios">Per-layer update-to-weight ratios of the step, or null/empty when not measured (the gate is skipped).</param>
/// <param name="NonFinite">True when the monitor saw a NaN or infinity anywhere (loss, gradients, weights).</param>
public sealed record TrainingSignals(
    double Loss,
    double? GradNorm = null,
    IReadOnlyList<LayerUpdateRatio>? UpdateRatios = null,
    bool NonFinite = false);
