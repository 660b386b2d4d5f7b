namespace Ramp.Reports.RunFolders;

/// <summary>What a report needs from <c>summary.json</c>. Missing numbers are NaN.</summary>
/// <param name="Status"><c>finished</c>, <c>diverged</c> or <c>running</c>.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="WallSeconds">Wall-clock time of the run.</param>
/// <param name="InitialLoss">Loss at initialisation (before the first update).</param>
/// <param name="FinalLoss">Final training loss.</param>
/// <param name="FinalAccuracy">Final training accuracy.</param>
/// <param name="EvalLoss">Final evaluation loss.</param>
/// <param name="EvalAccuracy">Final evaluation accuracy.</param>
/// <param name="Diverged">The writer's own verdict.</param>
/// <param name="DivergedAt">The step it diverged at, or null.</param>
/// <param name="UnigramBaseline">For language models, the unigram-entropy loss, or null.</param>
public sealed record RunSummary(
    string Status, long Steps, double WallSeconds, double InitialLoss, double FinalLoss, double FinalAccuracy,
    double EvalLoss, double EvalAccuracy, bool Diverged, long? DivergedAt, double? UnigramBaseline);
