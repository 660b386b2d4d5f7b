namespace Ramp.Training.Tuning.RangeTest;

/// <summary>One iteration of an LR range test.</summary>
/// <param name="Iteration">Zero-based iteration.</param>
/// <param name="Lr">Learning rate used by that iteration.</param>
/// <param name="Loss">Raw training loss of the iteration (may be non-finite).</param>
/// <param name="SmoothedLoss">Bias-corrected EMA of the raw losses up to and including this one.</param>
public readonly record struct RangeTestPoint(int Iteration, double Lr, double Loss, double SmoothedLoss);
