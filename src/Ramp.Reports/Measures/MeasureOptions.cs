namespace Ramp.Reports.Measures;

/// <summary>Settings of the measures; the defaults are the ones <c>docs/report.md</c> documents.</summary>
/// <param name="Target">
/// The steps-to-target threshold on the smoothed training metric (a loss to reach or go below, or an accuracy
/// to reach or exceed). Null: the median final smoothed training metric of the case study's runs that did
/// not diverge.
/// </param>
/// <param name="StableRate">A cell (arm, peak LR) is stable when its divergence rate is at most this; default 0.2 (1 of 5 seeds).</param>
/// <param name="Window">Rows in the trailing mean that smooths the training metric for steps-to-target; default 5.</param>
public sealed record MeasureOptions(double? Target = null, double StableRate = 0.2, int Window = 5)
{
    /// <summary>The defaults.</summary>
    public static MeasureOptions Default { get; } = new();
}
