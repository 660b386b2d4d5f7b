using Ramp.Runs;

namespace Ramp.Reports.Measures;

/// <summary>
/// Computes the comparison measures from runs, as pure functions: runs are grouped by case study, then by arm
/// and peak LR (the seeds of a cell); see <see cref="GridCell"/> and <see cref="ArmMeasures"/>.
/// </summary>
public static class Measure
{
    /// <summary>The measures of every case study among <paramref name="runs"/>, ordered by case-study name.</summary>
    public static IReadOnlyList<CaseStudyMeasures> Compute(IEnumerable<Run> runs, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var o = options ?? MeasureOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(o.StableRate);
        return runs.GroupBy(r => r.CaseStudy)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CaseStudy(g.Key, g.ToList(), o))
            .ToList();
    }

    /// <summary>The measures of one case study's runs.</summary>
    public static CaseStudyMeasures CaseStudy(string name, IReadOnlyList<Run> runs, MeasureOptions options)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var kind = FinalMetric.KindFor(runs);
        var judged = runs.Select(r => (Run: r, Div: Divergence.Judge(r))).ToList();
        var target = options.Target ?? DefaultTarget(judged.Where(j => !j.Div.Diverged).Select(j => j.Run), kind, options.Window);
        var outcomes = judged.Select(j => new RunOutcome(
            j.Run, j.Div.Diverged, j.Div.Reason, FinalMetric.Of(j.Run, kind), FinalMetric.Capped(j.Run, kind),
            double.IsNaN(target) ? null : StepsToTarget.Of(j.Run, kind, target, options.Window))).ToList();
        var arms = ArmNames.Ordered(outcomes.Select(x => x.Run.Arm).Distinct())
            .Select(arm => Arm(arm, outcomes.Where(x => x.Run.Arm == arm).ToList(), kind, options))
            .ToList();
        var lrs = outcomes.Select(x => x.Run.PeakLr).Distinct().Order().ToList();
        return new CaseStudyMeasures(name, kind, target, lrs, arms);
    }

    /// <summary>The median of the last smoothed training metric over <paramref name="stable"/> runs (NaN when none).</summary>
    public static double DefaultTarget(IEnumerable<Run> stable, MetricKind kind, int window)
    {
        var finals = stable.Select(r => StepsToTarget.LastSmoothed(r, kind, window)).Where(double.IsFinite).Order().ToArray();
        if (finals.Length == 0) return double.NaN;
        var mid = finals.Length / 2;
        return finals.Length % 2 == 1 ? finals[mid] : (finals[mid - 1] + finals[mid]) / 2;
    }

    private static ArmMeasures Arm(string arm, List<RunOutcome> outcomes, MetricKind kind, MeasureOptions options)
    {
        var cells = outcomes.GroupBy(x => x.Run.PeakLr).OrderBy(g => g.Key).Select(g =>
        {
            var seeds = g.OrderBy(x => x.Run.Config.Seed).ToList();
            var finite = seeds.Select(x => x.Capped).Where(double.IsFinite).ToList();
            return new GridCell(arm, g.Key, seeds, seeds.Count(x => x.Diverged),
                finite.Count == 0 ? double.NaN : finite.Average(),
                seeds.Count(x => x.Steps is not null), StepsToTarget.Median(seeds.Select(x => x.Steps)));
        }).ToList();
        var stable = cells.Where(c => c.DivergenceRate <= options.StableRate).Select(c => c.PeakLr).ToList();
        var best = cells.Aggregate((GridCell?)null, (b, c) => b is null || FinalMetric.Better(kind, c.MeanFinal, b.MeanFinal) ? c : b);
        var fastest = cells.Where(c => c.MedianSteps is not null).MinBy(c => c.MedianSteps);
        return new ArmMeasures(arm, cells, stable.Count == 0 ? null : stable.Max(),
            best?.MeanFinal ?? double.NaN, best?.PeakLr ?? double.NaN,
            fastest?.MedianSteps, fastest?.PeakLr ?? double.NaN,
            outcomes.Count(x => x.Steps is not null), outcomes.Count);
    }
}
