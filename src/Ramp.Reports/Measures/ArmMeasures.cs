namespace Ramp.Reports.Measures;

/// <summary>The measures of one arm over the whole peak-LR grid.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Cells">Its grid cells, by ascending peak LR: the sensitivity curve is (PeakLr, MeanFinal).</param>
/// <param name="LargestStablePeakLr">The largest peak LR whose divergence rate is at most the stable rate; null when none is
/// stable.</param>
/// <param name="BestFinal">The best cell mean of the final metric over the grid (NaN when none is known).</param>
/// <param name="BestPeakLr">The peak LR of <paramref name="BestFinal"/> (NaN when none).</param>
/// <param name="FastestSteps">The smallest cell median of steps to target over the grid; null when no cell's median reaches it.</param>
/// <param name="FastestPeakLr">The peak LR of <paramref name="FastestSteps"/> (NaN when none).</param>
/// <param name="Reached">Runs of the arm that reached the target.</param>
/// <param name="Total">Runs of the arm.</param>
public sealed record ArmMeasures(
    string Arm, IReadOnlyList<GridCell> Cells, double? LargestStablePeakLr, double BestFinal, double BestPeakLr,
    double? FastestSteps, double FastestPeakLr, int Reached, int Total)
{
    /// <summary>Runs that reached the target over all runs of the arm, in [0, 1].</summary>
    public double ReachedFraction => Total == 0 ? 0 : (double)Reached / Total;
}
