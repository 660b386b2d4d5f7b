using Ramp.Runs;

namespace Ramp.Training.Studies.Halving;

/// <summary>One stage of successive halving: the decisions taken before it and the runs it trains, each to its step.</summary>
/// <param name="Index">The stage, from 0: stage k trains the survivors of rung k-1 to rung k (or to the end).</param>
/// <param name="Decisions">Every decision of the rungs before this stage, in order.</param>
/// <param name="Runs">The runs this stage trains and the step each stops at (its arm's rung, or its full length).</param>
/// <param name="Last">True when every run of this stage trains to its full length: no rung follows.</param>
public sealed record HalvingStage(int Index, IReadOnlyList<HalvingDecision> Decisions, IReadOnlyList<(StudyCell Cell, long StopAt)> Runs,
    bool Last)
{
    /// <summary>How many of the grid's cells (arm x peak) are still in (the others are pruned).</summary>
    public int Survivors => Runs.Select(r => (r.Cell.Grid.CaseStudy, r.Cell.Arm.Name, r.Cell.PeakLr)).Distinct().Count();
}
