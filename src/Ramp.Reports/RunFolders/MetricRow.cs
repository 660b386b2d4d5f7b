namespace Ramp.Reports.RunFolders;

/// <summary>
/// One optimizer step of <c>metrics.csv</c> (or <c>metrics.jsonl</c>). Missing values are NaN; the guard
/// flags are false when not written.
/// </summary>
/// <param name="Step">Zero-based optimizer step whose update the row describes.</param>
/// <param name="Epoch">The epoch (NaN when not written).</param>
/// <param name="Loss">Training loss; may be non-finite when the run blew up.</param>
/// <param name="Accuracy">Training-batch accuracy in [0, 1]; NaN for language models.</param>
/// <param name="Lrs">Learning rate of each parameter group (<c>lr</c>, or <c>lr0, lr1, ...</c>).</param>
/// <param name="GradNorm">Global gradient norm.</param>
/// <param name="UpdateRatio">Global ||Δw|| / ||w||.</param>
/// <param name="Nonfinite">Whether the loss or a gradient was NaN/Inf at this step.</param>
/// <param name="Clipped">Whether a guard clipped this step.</param>
/// <param name="Skipped">Whether a guard skipped this step.</param>
/// <param name="Layers">Per-layer statistics (only from <c>metrics.jsonl</c>); null when absent.</param>
public sealed record MetricRow(
    long Step, double Epoch, double Loss, double Accuracy, IReadOnlyList<double> Lrs,
    double GradNorm, double UpdateRatio, bool Nonfinite, bool Clipped, bool Skipped,
    IReadOnlyDictionary<string, LayerStats>? Layers = null)
{
    /// <summary>The first group's learning rate, NaN when none was logged.</summary>
    public double Lr => Lrs.Count > 0 ? Lrs[0] : double.NaN;
}
