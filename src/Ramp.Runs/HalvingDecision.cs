namespace Ramp.Runs;

/// <summary>
/// One line of a comparison's <c>halving.jsonl</c>: what successive halving decided for one cell (an arm at a peak
/// learning rate, all its seeds) at one rung.
/// </summary>
/// <param name="Rung">The rung, from 0.</param>
/// <param name="Step">The step the cells were compared at (the rung's end: rows with a smaller step count).</param>
/// <param name="CaseStudy">The case study.</param>
/// <param name="Arm">The arm.</param>
/// <param name="PeakLr">The peak learning rate.</param>
/// <param name="Metric"><c>accuracy</c> (higher is better) or <c>loss</c> (lower is better).</param>
/// <param name="Value">The cell's metric at the rung: the mean over its seeds of each run's mean over its last rows; NaN when a run
/// diverged.</param>
/// <param name="Kept">True when the cell goes on to the next rung, false when it is pruned here.</param>
/// <param name="Place">The cell's place among its arm's cells at this rung, from 1 (best).</param>
/// <param name="Cells">How many of its arm's cells were compared at this rung.</param>
/// <param name="Keep">How many of them go on (the ceiling of Cells / eta).</param>
public sealed record HalvingDecision(int Rung, long Step, string CaseStudy, string Arm, double PeakLr, string Metric, double Value,
    bool Kept,
    int Place, int Cells, int Keep);
