namespace Ramp.Reports.Measures;

/// <summary>Chooses the peak learning rate at which curves of the arms are most worth comparing.</summary>
public static class TellingPeak
{
    /// <summary>
    /// The largest peak LR where some arm diverges in at least one seed while another arm is stable
    /// (where warmup makes the difference); failing that, the largest peak LR every arm ran; NaN for an empty grid.
    /// </summary>
    public static double Choose(CaseStudyMeasures m, double stableRate = 0.2)
    {
        ArgumentNullException.ThrowIfNull(m);
        foreach (var lr in m.PeakLrs.Reverse())
        {
            var cells = m.Arms.Select(a => m.Cell(a.Arm, lr)).OfType<GridCell>().ToList();
            if (cells.Any(c => c.Diverged > 0) && cells.Any(c => c.DivergenceRate <= stableRate)) return lr;
        }
        var common = m.PeakLrs.Where(lr => m.Arms.All(a => m.Cell(a.Arm, lr) is not null)).ToList();
        return common.Count > 0 ? common[^1] : m.PeakLrs.Count > 0 ? m.PeakLrs[^1] : double.NaN;
    }
}
