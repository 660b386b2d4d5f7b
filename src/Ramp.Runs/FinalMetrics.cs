namespace Ramp.Runs;

/// <summary>The <c>final</c> block of <c>summary.json</c>.</summary>
/// <param name="Loss">Mean training loss over the last read-back window (NaN before any row).</param>
/// <param name="Accuracy">Mean training accuracy over the same window, or null for language models.</param>
/// <param name="EvalLoss">Loss on the test split at the end, or null when not evaluated.</param>
/// <param name="EvalAccuracy">Accuracy on the test split at the end, or null.</param>
public sealed record FinalMetrics(double Loss, double? Accuracy, double? EvalLoss, double? EvalAccuracy)
{
    /// <summary>Nothing measured yet.</summary>
    public static FinalMetrics None { get; } = new(double.NaN, null, null, null);
}
