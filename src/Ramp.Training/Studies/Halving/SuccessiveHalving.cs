using Ramp.Runs;

namespace Ramp.Training.Studies.Halving;

/// <summary>
/// Successive halving over a grid (the idea of Jamieson and Talwalkar's successive halving and Li et al.'s ASHA,
/// written for runs that resume exactly): each arm of each case study is halved on its own (<see cref="HalvingLadder"/>).
/// A cell is an arm at a peak learning rate with all its seeds; at a rung its value is the mean over its seeds of the
/// study's metric (accuracy for classifiers, loss for language models) over each run's last rows before the rung
/// (<see cref="RungMetric"/>), a run that diverged counting as the worst; the best ceiling(n / eta) cells of the
/// arm go on (ties keep the smaller peak), the others are pruned. Decisions follow from the rows alone, so a stage
/// is planned the same way every time it is asked for: a killed study resumes by planning again.
/// </summary>
/// <param name="Cells">The grid's runs (all of them: decisions need every seed of every cell).</param>
/// <param name="Options">eta and the first rung.</param>
/// <param name="MetricAt">A run's metric at a step (<see cref="RungMetric.At"/>); NaN when it diverged.</param>
public sealed record SuccessiveHalving(IReadOnlyList<StudyCell> Cells, HalvingOptions Options, Func<StudyCell, long, double> MetricAt)
{
    /// <summary>Stage <paramref name="index"/>: the decisions of the rungs before it (computed from the runs' rows) and what it
    /// trains.</summary>
    public HalvingStage Stage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var decisions = new List<HalvingDecision>();
        var runs = new List<(StudyCell, long)>();
        var last = true;
        foreach (var arm in Cells.GroupBy(c => (c.Grid.CaseStudy, c.Arm.Name)))
        {
            var rungs = HalvingLadder.Rungs(arm.First(), Options);
            var alive = arm.GroupBy(c => c.PeakLr).Select(g => g.ToArray()).ToList();
            for (var rung = 0; rung < Math.Min(index, rungs.Count); rung++)
                alive = Decide(rung, rungs[rung], alive, decisions);
            if (index < rungs.Count) last = false;
            var stopAt = index < rungs.Count ? rungs[index] : arm.First().Steps;
            runs.AddRange(alive.SelectMany(cell => cell).Select(c => (c, stopAt)));
        }
        var order = Cells.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return new HalvingStage(index, decisions, [.. runs.OrderBy(r => order[r.Item1])], last);
    }

    private List<StudyCell[]> Decide(int rung, long step, List<StudyCell[]> alive, List<HalvingDecision> decisions)
    {
        var first = alive[0][0];
        var accuracy = !first.Grid.Model.IsText;
        var ranked = alive.Select(cell => (Cell: cell, Value: cell.Average(c => MetricAt(c, step))))
            .OrderBy(x => double.IsNaN(x.Value) ? 1 : 0)
            .ThenBy(x => accuracy ? -x.Value : x.Value)
            .ThenBy(x => x.Cell[0].PeakLr)
            .ToArray();
        var keep = (ranked.Length + Options.Eta - 1) / Options.Eta;
        for (var place = 0; place < ranked.Length; place++)
        {
            var c = ranked[place].Cell[0];
            decisions.Add(new HalvingDecision(rung, step, c.Grid.CaseStudy, c.Arm.Name, c.PeakLr, accuracy ? "accuracy" : "loss",
                ranked[place].Value, place < keep, place + 1, ranked.Length, keep));
        }
        return [.. ranked.Take(keep).Select(x => x.Cell).OrderBy(cell => cell[0].PeakLr)];
    }
}
