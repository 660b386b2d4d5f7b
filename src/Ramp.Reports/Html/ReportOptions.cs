using Ramp.Reports.Measures;

namespace Ramp.Reports.Html;

/// <summary>What the report shows beyond the runs themselves.</summary>
/// <param name="Title">The page title; default "Warmup comparison".</param>
/// <param name="Commands">The commands that produced the runs and the report, shown verbatim in the report.</param>
/// <param name="Measures">Settings of the measures (target, stable rate, smoothing).</param>
/// <param name="LayerSteps">How many first steps the per-layer gradient-norm charts cover; default 200.</param>
public sealed record ReportOptions(
    string Title = "Warmup comparison", IReadOnlyList<string>? Commands = null, MeasureOptions? Measures = null, int LayerSteps = 200)
{
    /// <summary>What successive halving pruned and saved (<see cref="ReportWriter"/> reads it from <c>halving.jsonl</c>); none by
    /// default.</summary>
    public HalvingOutcome Halving { get; init; } = HalvingOutcome.None;
}
