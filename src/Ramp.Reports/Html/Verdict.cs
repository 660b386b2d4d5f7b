using System.Globalization;
using Ramp.Reports.Charts;
using Ramp.Reports.Measures;

namespace Ramp.Reports.Html;

/// <summary>
/// A short verdict on one case study in plain words, computed from the measures so it cannot contradict the
/// tables: a warmup arm is credited only when it diverged less often than the no-warmup arm, and an arm that
/// diverged more often is named as such in the headline.
/// </summary>
/// <param name="Headline">One line, e.g. "Warmup made the difference between diverging and training".</param>
/// <param name="Sentences">The evidence, one claim per sentence.</param>
public sealed record Verdict(string Headline, IReadOnlyList<string> Sentences)
{
    /// <summary>Writes the verdict for <paramref name="m"/>, comparing at <paramref name="peak"/>.</summary>
    public static Verdict For(CaseStudyMeasures m, double peak)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Arms.Count == 0) return new Verdict("No runs", []);
        var metric = m.Kind == MetricKind.Accuracy ? "accuracy" : "loss";
        var baseline = m.Arms.FirstOrDefault(a => ArmNames.IsNoWarmup(a.Arm));
        var s = new List<string>
        {
            "Diverged runs over the grid: " + string.Join(", ", m.Arms.Select(a => $"{a.Arm} {Diverged(a)}/{a.Total}")) + ".",
        };
        string headline;
        if (baseline is null)
        {
            var top = m.Arms.OrderByDescending(a => a.LargestStablePeakLr ?? double.NegativeInfinity).ThenBy(Rate).First();
            headline = top.LargestStablePeakLr is null ? "No arm was stable at any peak learning rate"
                : $"{top.Arm} tolerated the largest peak learning rate";
            s.Add($"{top.Arm} stayed stable up to a peak LR of {Lr(top.LargestStablePeakLr)}; no arm without warmup was run to " +
                "compare with.");
        }
        else
        {
            var others = m.Arms.Where(a => a != baseline).ToList();
            var better = others.Where(a => Rate(a) < Rate(baseline) && Stable(a) >= Stable(baseline)).ToList();
            var worse = others.Where(a => Rate(a) > Rate(baseline)).ToList();
            var champion = better.OrderByDescending(Stable).ThenBy(Rate).FirstOrDefault();
            headline = (champion, worse.Count) switch
            {
                (null, 0) => "Warmup made no difference to stability here",
                (null, _) => $"Warmup made training less stable here: {Names(worse)} diverged more often than no warmup",
                ({ } c, 0) when baseline.LargestStablePeakLr is null && c.LargestStablePeakLr is not null =>
                    "Warmup made the difference between diverging and training",
                ({ } c, 0) when Ratio(baseline, c) >= 2 => "Warmup made a clear difference",
                (_, 0) => "Warmup helped",
                ({ } c, _) => $"{Names(better)} diverged less often than no warmup; {Names(worse)} diverged more often",
            };
            foreach (var a in worse)
                s.Add($"{a.Arm} diverged more often than no warmup: {Diverged(a)} of {a.Total} runs against {Diverged(baseline)} " +
                    $"of {baseline.Total}.");
            if (champion is not null)
            {
                var (b, c) = (baseline.LargestStablePeakLr, champion.LargestStablePeakLr);
                var ratio = Ratio(baseline, champion);
                s.Add(b is null
                    ? $"Without warmup no peak LR on the grid was stable; with {champion.Arm} runs were stable up to {Lr(c)}."
                    : $"Without warmup the largest stable peak LR was {Lr(b)}; with {champion.Arm} it was {Lr(c)}" +
                      (double.IsFinite(ratio) && ratio != 1 ? $" ({ratio.ToString("0.#", CultureInfo.InvariantCulture)}x)." : "."));
                if (m.Cell(baseline.Arm, peak) is { } bc && m.Cell(champion.Arm, peak) is { } cc)
                    s.Add($"At peak LR {Lr(peak)}, {bc.Diverged} of {bc.Runs.Count} runs diverged without warmup against {cc.Diverged} " +
                        $"of {cc.Runs.Count} with {champion.Arm}.");
                var improved = FinalMetric.Better(m.Kind, champion.BestFinal, baseline.BestFinal);
                s.Add($"Best final {metric} over the grid: {F(champion.BestFinal)} with {champion.Arm} " +
                    $"(at {Lr(champion.BestPeakLr)}) against " +
                      $"{F(baseline.BestFinal)} without warmup (at {Lr(baseline.BestPeakLr)}); " +
                      (improved ? "warmup also improved the best result." : "warmup bought stability, not a better best result."));
            }
        }
        if (!double.IsNaN(m.Target))
            s.Add($"Runs reaching the target {metric} of {F(m.Target)}: " +
                  string.Join(", ", m.Arms.Select(a => $"{a.Arm} {a.Reached}/{a.Total}")) + ".");
        return new Verdict(headline, s);
    }

    private static int Diverged(ArmMeasures a) => a.Cells.Sum(c => c.Diverged);

    private static double Rate(ArmMeasures a) => a.Total == 0 ? 0 : (double)Diverged(a) / a.Total;

    private static double Stable(ArmMeasures a) => a.LargestStablePeakLr ?? double.NegativeInfinity;

    private static double Ratio(ArmMeasures baseline, ArmMeasures c) =>
        baseline.LargestStablePeakLr is > 0 && c.LargestStablePeakLr is { } cv ? cv / baseline.LargestStablePeakLr.Value : double.NaN;

    private static string Names(IEnumerable<ArmMeasures> arms) => string.Join(" and ", arms.Select(a => a.Arm));

    private static string Lr(double? lr) => lr is { } v && !double.IsNaN(v) ? ChartStyle.Format(v) : "none";

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.###", CultureInfo.InvariantCulture);
}
