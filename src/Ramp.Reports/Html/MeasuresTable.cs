using System.Text;
using Ramp.Reports.Charts;
using Ramp.Reports.Measures;

namespace Ramp.Reports.Html;

/// <summary>The report's two tables: the per-arm measures and every grid cell.</summary>
internal static class MeasuresTable
{
    /// <summary>One row per arm: largest stable peak LR, best final metric, fastest steps to target, reached fraction.</summary>
    internal static void Arms(StringBuilder h, CaseStudyMeasures m, MeasureOptions options)
    {
        var metric = m.Kind == MetricKind.Accuracy ? "accuracy" : "loss";
        h.Append("<div class=\"card\"><table class=\"measures\"><thead><tr>");
        foreach (var header in Headers(metric)) h.Append($"<th{(header == "Arm" ? "" : " class=\"num\"")}>{HtmlReport.E(header)}</th>");
        h.Append("</tr></thead><tbody>");
        foreach (var a in m.Arms)
        {
            var diverged = a.Cells.Sum(c => c.Diverged);
            h.Append($"<tr data-arm=\"{HtmlReport.E(a.Arm)}\"><td>{HtmlReport.E(a.Arm)}</td>")
             .Append(a.LargestStablePeakLr is { } lr ? $"<td class=\"num\">{ChartStyle.Format(lr)}</td>"
                 : "<td class=\"num bad\">none stable</td>")
             .Append($"<td class=\"num\">{HtmlReport.N(a.BestFinal)}</td><td class=\"num\">{Lr(a.BestPeakLr)}</td>")
             .Append(a.FastestSteps is { } st ? $"<td class=\"num\">{HtmlReport.N(st)}</td>" : "<td class=\"num bad\">not reached</td>")
             .Append($"<td class=\"num\">{Lr(a.FastestPeakLr)}</td><td class=\"num\">{a.Reached}/{a.Total} " +
                 $"({HtmlReport.N(Math.Round(a.ReachedFraction * 100))}%)</td>")
             .Append($"<td class=\"num {(diverged > 0 ? "bad" : "good")}\">{diverged}/{a.Total}</td></tr>");
        }
        h.Append("</tbody></table></div>\n");
        var target = double.IsNaN(m.Target) ? "none (no run finished without diverging)" : HtmlReport.N(m.Target);
        var targetSource = options.Target is null
            ? "the median final smoothed training " + metric + " of the runs that did not diverge"
            : "given with --target";
        h.Append($"<p class=\"note\" data-thresholds>Stable: a peak LR where at most {HtmlReport.N(options.StableRate * 100)}% of the " +
            $"seeds diverged (--stable-rate {HtmlReport.N(options.StableRate)}); " +
            $"\"none stable\": no peak LR of the grid was. Target {metric}: {target} ({targetSource}, " +
            $"smoothed over {options.Window} rows). Fastest steps to target is the fastest cell's median over its seeds; a run that " +
            "never reaches the target counts as not reached.</p>\n");
    }

    /// <summary>The per-arm table's column headers, each different from the others.</summary>
    internal static string[] Headers(string metric) =>
        ["Arm", "Largest stable peak LR", $"Best final {metric}", "Peak LR of the best", "Fastest steps to target",
            "Peak LR of the fastest", "Reached target", "Diverged runs"];

    /// <summary>One row per arm and peak LR.</summary>
    internal static void Cells(StringBuilder h, CaseStudyMeasures m)
    {
        h.Append("<div class=\"card\"><table class=\"cells\"><thead><tr><th>Arm</th><th class=\"num\">Peak LR</th><th " +
            "class=\"num\">Diverged</th>")
         .Append("<th class=\"num\">Mean final</th><th class=\"num\">Reached target</th><th class=\"num\">Median steps to " +
             "target</th></tr></thead><tbody>");
        foreach (var c in m.Arms.SelectMany(a => a.Cells))
            h.Append($"<tr><td>{HtmlReport.E(c.Arm)}</td><td class=\"num\">{Lr(c.PeakLr)}</td>")
             .Append($"<td class=\"num {(c.Diverged > 0 ? "bad" : "")}\">{c.Diverged}/{c.Runs.Count}</td><td " +
                 $"class=\"num\">{HtmlReport.N(c.MeanFinal)}</td>")
             .Append($"<td class=\"num\">{c.Reached}/{c.Runs.Count}</td><td " +
                 $"class=\"num\">{(c.MedianSteps is { } s ? HtmlReport.N(s) : "not reached")}</td></tr>");
        h.Append("</tbody></table></div>\n");
    }

    private static string Lr(double lr) => double.IsNaN(lr) ? "–" : ChartStyle.Format(lr);
}
