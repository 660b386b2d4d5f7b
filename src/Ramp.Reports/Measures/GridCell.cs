namespace Ramp.Reports.Measures;

/// <summary>One cell of a comparison grid: an arm at one peak learning rate, over its seeds.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="PeakLr">The peak learning rate.</param>
/// <param name="Runs">The seeds' runs, by seed.</param>
/// <param name="Diverged">How many of them diverged.</param>
/// <param name="MeanFinal">Mean over seeds of the capped final metric (one point of the sensitivity curve).</param>
/// <param name="Reached">How many runs reached the target.</param>
/// <param name="MedianSteps">Median steps to target, "not reached" counting as +infinity; null when that median is not reached.</param>
public sealed record GridCell(
    string Arm, double PeakLr, IReadOnlyList<RunOutcome> Runs, int Diverged, double MeanFinal, int Reached, double? MedianSteps)
{
    /// <summary>Diverged runs over all runs, in [0, 1].</summary>
    public double DivergenceRate => Runs.Count == 0 ? 0 : (double)Diverged / Runs.Count;
}
