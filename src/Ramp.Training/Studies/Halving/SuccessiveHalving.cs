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
    /// <summary>
    /// Decisions already taken (a study's <c>halving.jsonl</c>): an arm's rung found here is not decided again but
    /// taken as it was, so tasks that plan one rung on several machines (<c>ramp compare --rung</c>) follow the one
    /// decision written first. Empty by default: every rung is decided from the rows.
    /// </summary>
    /// <remarks>A recorded rung must be the one this grid has (same step, same cells); otherwise <see cref="Stage"/>
    /// throws <see cref="InvalidOperationException"/> saying which.</remarks>
    public IReadOnlyList<HalvingDecision> Recorded { get; init; } = [];

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
        var recorded = Recorded.Where(d => d.Rung == rung && d.CaseStudy == first.Grid.CaseStudy && d.Arm == first.Arm.Name)
            .OrderBy(d => d.Place).ToArray();
        if (recorded.Length > 0) return Follow(recorded, step, alive, decisions);
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

    // A recorded rung names exactly the cells alive here, at this rung's step; anything else is another study's log.
    private static List<StudyCell[]> Follow(HalvingDecision[] recorded, long step, List<StudyCell[]> alive, List<HalvingDecision> decisions)
    {
        var d0 = recorded[0];
        var peaks = alive.Select(cell => cell[0].PeakLr).Order().ToArray();
        if (recorded.Any(d => d.Step != step) || !recorded.Select(d => d.PeakLr).Order().SequenceEqual(peaks))
            throw new InvalidOperationException($"{HalvingLog.FileName}: rung {d0.Rung} of {d0.CaseStudy} {d0.Arm} was decided at step " +
                $"{d0.Step} over peaks {string.Join(' ', recorded.Select(d => d.PeakLr).Order())}, but this grid's is at step {step} " +
                $"over peaks {string.Join(' ', peaks)}: it comes from another study");
        decisions.AddRange(recorded);
        var kept = recorded.Where(d => d.Kept).Select(d => d.PeakLr).ToHashSet();
        return [.. alive.Where(cell => kept.Contains(cell[0].PeakLr)).OrderBy(cell => cell[0].PeakLr)];
    }
}
