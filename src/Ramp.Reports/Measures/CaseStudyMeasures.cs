namespace Ramp.Reports.Measures;

/// <summary>All measures of one case study (one comparison grid).</summary>
/// <param name="CaseStudy">Its name (empty for runs that name none).</param>
/// <param name="Kind">The final metric it is judged by.</param>
/// <param name="Target">The steps-to-target threshold used (NaN when no run could set a default).</param>
/// <param name="PeakLrs">The grid's peak learning rates, ascending.</param>
/// <param name="Arms">Its arms, in the order <see cref="Measure.Compute"/> gives: no-warmup arms first, then by name.</param>
public sealed record CaseStudyMeasures(
    string CaseStudy, MetricKind Kind, double Target, IReadOnlyList<double> PeakLrs, IReadOnlyList<ArmMeasures> Arms)
{
    /// <summary>The cell of <paramref name="arm"/> at <paramref name="peakLr"/>, or null when the grid lacks it.</summary>
    public GridCell? Cell(string arm, double peakLr) =>
        Arms.FirstOrDefault(a => a.Arm == arm)?.Cells.FirstOrDefault(c => c.PeakLr.Equals(peakLr));
}
