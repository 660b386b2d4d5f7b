using System.Globalization;
using Ramp.Reports.Charts;
using Ramp.Reports.Measures;

namespace Ramp.Reports.Html;

/// <summary>A short verdict on one case study in plain words: a headline and a few sentences built from the measures.</summary>
/// <param name="Headline">One line, e.g. "Warmup made a clear difference".</param>
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
        var others = m.Arms.Where(a => a != baseline).ToList();
        var champion = (others.Count > 0 ? others : m.Arms)
            .OrderByDescending(a => a.LargestStablePeakLr ?? double.NegativeInfinity)
            .ThenBy(a => a.BestFinal * (m.Kind == MetricKind.Accuracy ? -1 : 1)).First();
        var s = new List<string>();
        string headline;
        if (baseline is null || champion == baseline)
        {
            headline = $"{champion.Arm} tolerated the largest peak learning rate";
            s.Add($"{champion.Arm} stayed stable up to a peak LR of {Lr(champion.LargestStablePeakLr)}; no arm without warmup was found to compare with.");
        }
        else
        {
            var (b, c) = (baseline.LargestStablePeakLr, champion.LargestStablePeakLr);
            var ratio = b is > 0 && c is { } cv ? cv / b.Value : double.NaN;
            headline = b is null && c is not null ? "Warmup made the difference between diverging and training"
                : ratio >= 2 ? "Warmup made a clear difference"
                : ratio > 1 ? "Warmup helped a little"
                : "Warmup made no difference to stability here";
            s.Add(b is null
                ? $"Without warmup no peak LR on the grid was stable; with {champion.Arm} runs were stable up to {Lr(c)}."
                : $"Without warmup the largest stable peak LR was {Lr(b)}; with {champion.Arm} it was {Lr(c)}" +
                  (double.IsFinite(ratio) && ratio != 1 ? $" ({ratio.ToString("0.#", CultureInfo.InvariantCulture)}x)." : "."));
            if (m.Cell(baseline.Arm, peak) is { } bc && m.Cell(champion.Arm, peak) is { } cc)
                s.Add($"At peak LR {Lr(peak)}, {bc.Diverged} of {bc.Runs.Count} runs diverged without warmup against {cc.Diverged} of {cc.Runs.Count} with {champion.Arm}.");
            var better = FinalMetric.Better(m.Kind, champion.BestFinal, baseline.BestFinal);
            s.Add($"Best final {metric} over the grid: {F(champion.BestFinal)} with {champion.Arm} (at {Lr(champion.BestPeakLr)}) against " +
                  $"{F(baseline.BestFinal)} without warmup (at {Lr(baseline.BestPeakLr)}); " +
                  (better ? "warmup also improved the best result." : "warmup bought stability, not a better best result."));
        }
        if (!double.IsNaN(m.Target))
            s.Add($"Runs reaching the target {metric} of {F(m.Target)}: " +
                  string.Join(", ", m.Arms.Select(a => $"{a.Arm} {a.Reached}/{a.Total}")) + ".");
        return new Verdict(headline, s);
    }

    private static string Lr(double? lr) => lr is { } v && !double.IsNaN(v) ? ChartStyle.Format(v) : "none";

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.###", CultureInfo.InvariantCulture);
}
