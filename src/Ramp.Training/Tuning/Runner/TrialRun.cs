namespace Ramp.Training.Tuning.Runner;

/// <summary>
/// The outcome of one scheduled training run from the initial weights (<see cref="TuningRunner.Train"/>): how the
/// training loss moved, whether it blew up, and the test split's loss and accuracy at the end.
/// </summary>
/// <param name="Steps">Optimizer steps run (fewer than planned when the run blew up).</param>
/// <param name="FirstLoss">Loss of the first step.</param>
/// <param name="FinalLoss">Mean training loss over the last (up to) 10 steps; non-finite when the loss was.</param>
/// <param name="Diverged">True when a loss was non-finite or the running loss passed <see cref="TuningRunner.BlowUpFactor"/> times the
/// first.</param>
/// <param name="TestLoss">Mean loss on the test split at the end (nats per target); NaN when the weights are not finite.</param>
/// <param name="TestAccuracy">Accuracy on the test split at the end; null for a language model.</param>
public sealed record TrialRun(long Steps, double FirstLoss, double FinalLoss, bool Diverged, double TestLoss, double? TestAccuracy)
{
    /// <summary>The figure a sweep ranks runs by: accuracy for images, minus the test loss for text (higher is better).</summary>
    public double Score => TestAccuracy ?? (double.IsFinite(TestLoss) ? -TestLoss : double.NegativeInfinity);
}
