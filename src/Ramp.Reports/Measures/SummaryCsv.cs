using System.Globalization;
using System.Text;

namespace Ramp.Reports.Measures;

/// <summary>
/// Writes <c>summary.csv</c>: one <c>cell</c> row per case study x arm x peak LR, then one <c>arm</c> row per
/// case study x arm. Numeric columns hold only numbers (invariant, round-trip) or nothing: columns that do not apply
/// to a row's scope are empty, and so is a steps-to-target median that is not reached or a largest stable peak LR
/// when none is stable, which the word columns <c>target_status</c> (<c>reached</c> / <c>not reached</c>) and
/// <c>stable_status</c> (<c>stable</c> / <c>none stable</c>, arm rows) then say.
/// </summary>
public static class SummaryCsv
{
    /// <summary>The header, in column order.</summary>
    public static readonly string[] Columns =
    [
        "scope", "case_study", "arm", "peak_lr", "metric", "runs", "diverged", "divergence_rate", "mean_final",
        "reached", "median_steps_to_target", "largest_stable_peak_lr", "best_final", "best_peak_lr",
        "fastest_steps_to_target", "fastest_peak_lr", "reached_fraction", "target", "target_status", "stable_status",
    ];

    /// <summary>The CSV text for <paramref name="studies"/>.</summary>
    public static string Format(IEnumerable<CaseStudyMeasures> studies)
    {
        var sb = new StringBuilder().AppendJoin(',', Columns).Append('\n');
        foreach (var s in studies)
        {
            var metric = s.Kind == MetricKind.Accuracy ? "accuracy" : "loss";
            foreach (var arm in s.Arms)
                foreach (var c in arm.Cells)
                    Row(sb, "cell", s.CaseStudy, arm.Arm, N(c.PeakLr), metric, c.Runs.Count.ToString(CultureInfo.InvariantCulture),
                        c.Diverged.ToString(CultureInfo.InvariantCulture), N(c.DivergenceRate), N(c.MeanFinal),
                        c.Reached.ToString(CultureInfo.InvariantCulture), Steps(c.MedianSteps), "", "", "", "", "", "", N(s.Target),
                        TargetStatus(c.MedianSteps), "");
            foreach (var a in s.Arms)
                Row(sb, "arm", s.CaseStudy, a.Arm, "", metric, a.Total.ToString(CultureInfo.InvariantCulture),
                    a.Cells.Sum(c => c.Diverged).ToString(CultureInfo.InvariantCulture), "", "",
                    a.Reached.ToString(CultureInfo.InvariantCulture), "",
                    Steps(a.LargestStablePeakLr), N(a.BestFinal), N(a.BestPeakLr),
                    Steps(a.FastestSteps), N(a.FastestPeakLr), N(a.ReachedFraction), N(s.Target),
                    TargetStatus(a.FastestSteps), a.LargestStablePeakLr is null ? "none stable" : "stable");
        }
        return sb.ToString();
    }

    /// <summary>Writes the CSV to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<CaseStudyMeasures> studies) =>
        File.WriteAllText(path, Format(studies));

    private static void Row(StringBuilder sb, params string[] cells) =>
        sb.AppendJoin(',', cells.Select(Quote)).Append('\n');

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    // A number that may be absent: empty, with the word in its status column.
    private static string Steps(double? value) => value is { } v ? N(v) : "";

    private static string TargetStatus(double? steps) => steps is null ? "not reached" : "reached";

    /// <summary>Shortest round-trip invariant text; NaN is an empty cell.</summary>
    internal static string N(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
