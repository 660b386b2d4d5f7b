using Ramp.Runs;
namespace Ramp.Training.Monitoring;

/// <summary>One step's monitored numbers, decoded into global and per-layer figures.</summary>
/// <param name="GradNorm">Global gradient norm before guards.</param>
/// <param name="UpdateRatio">Global ||Δw|| / ||w_before||; null when the step was not a detail step.</param>
/// <param name="WeightNorm">Global weight norm after the update; null when the step was not a detail step.</param>
/// <param name="Layers">Per-layer numbers in model order.</param>
/// <param name="DeadUnits">Dead-unit fraction of each ReLU module on a detail step; empty otherwise.</param>
public sealed record StepReading(
    double GradNorm,
    double? UpdateRatio,
    double? WeightNorm,
    KeyValuePair<string, LayerStats>[] Layers,
    KeyValuePair<string, double>[] DeadUnits);
