namespace Ramp.Reports.RunFolders;

/// <summary>One layer's statistics at one step, from <c>metrics.jsonl</c>'s <c>layers</c> object.</summary>
/// <param name="GradNorm">The layer's gradient L2 norm; NaN when not logged.</param>
/// <param name="UpdateRatio">The layer's ||Δw|| / ||w||; NaN when not logged.</param>
/// <param name="WeightNorm">The layer's weight L2 norm; NaN when not logged.</param>
public sealed record LayerStats(double GradNorm, double UpdateRatio, double WeightNorm);
