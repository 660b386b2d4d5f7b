using Ramp.Runs;

namespace Ramp.Reports.Measures;

/// <summary>
/// What successive halving (<c>ramp compare --halving</c>) did to a comparison, from its <c>halving.jsonl</c>: the
/// cells it pruned (stopped at a rung because others of their arm were better: not failures, and left out of the
/// measures) and the steps it trained against the steps of the full grid.
/// </summary>
/// <param name="Decisions">Every decision of the comparisons read.</param>
/// <param name="Pruned">The pruning decision of each pruned cell.</param>
/// <param name="StepsTrained">Steps the runs trained: a pruned run up to its rung, the others as far as their rows go.</param>
/// <param name="StepsFull">Steps the full grid would train: every run to its configured length.</param>
public sealed record HalvingOutcome(IReadOnlyList<HalvingDecision> Decisions, IReadOnlyList<HalvingDecision> Pruned, long StepsTrained,
    long StepsFull)
{
    /// <summary>No halving: nothing pruned.</summary>
    public static HalvingOutcome None { get; } = new([], [], 0, 0);

    /// <summary>Whether any comparison read was halved.</summary>
    public bool Halved => Decisions.Count > 0;

    /// <summary>The fraction of the full grid's steps that were trained, in [0, 1] (NaN without halving).</summary>
    public double Fraction => StepsFull > 0 ? (double)StepsTrained / StepsFull : double.NaN;

    /// <summary>Whether <paramref name="run"/> belongs to a pruned cell.</summary>
    public bool IsPruned(Run run) => PrunedAt(run) is not null;

    /// <summary>The outcome of the comparisons under <paramref name="roots"/> (their <c>halving.jsonl</c>) for <paramref
    /// name="runs"/>.</summary>
    public static HalvingOutcome Of(IEnumerable<string> roots, IReadOnlyList<Run> runs)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(runs);
        var decisions = roots.Where(Directory.Exists).SelectMany(HalvingLog.Read).ToArray();
        if (decisions.Length == 0) return None;
        var pruned = decisions.Where(d => !d.Kept).ToArray();
        var outcome = new HalvingOutcome(decisions, pruned, 0, 0);
        var trained = runs.Sum(r => outcome.PrunedAt(r) is { } d ? Math.Min(d.Step, r.Metrics.Count) : r.Metrics.Count);
        return outcome with { StepsTrained = trained, StepsFull = runs.Sum(r => r.Config.Steps) };
    }

    private HalvingDecision? PrunedAt(Run run) =>
        Pruned.FirstOrDefault(d => d.CaseStudy == run.CaseStudy && d.Arm == run.Arm && d.PeakLr.Equals(run.PeakLr));
}
