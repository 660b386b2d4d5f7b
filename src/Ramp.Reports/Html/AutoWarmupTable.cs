using System.Text;
using Ramp.Reports.Charts;
using Ramp.Reports.Measures;
using Ramp.Runs;

namespace Ramp.Reports.Html;

/// <summary>
/// What <c>auto(...)</c> did in each run that used it, from <c>summary.json</c>'s <c>auto_warmup</c>: whether it reached
/// the requested peak, the highest rate it trained at with every gate green, the peak it suggests when it held the rate
/// far below the requested one, and its own sentence (which names the gates that held).
/// </summary>
internal static class AutoWarmupTable
{
    /// <summary>The runs of <paramref name="m"/> that wrote an <c>auto_warmup</c> outcome, in arm, peak and seed order.</summary>
    internal static IReadOnlyList<(Run Run, AutoWarmupOutcome Outcome)> Runs(CaseStudyMeasures m) =>
        m.Arms.SelectMany(a => a.Cells).SelectMany(c => c.Runs)
            .Where(o => o.Run.Summary?.AutoWarmup is not null)
            .Select(o => (o.Run, o.Run.Summary!.AutoWarmup!))
            .OrderBy(r => r.Item1.Arm, StringComparer.Ordinal).ThenBy(r => r.Item1.PeakLr).ThenBy(r => r.Item1.Config.Seed)
            .ToList();

    /// <summary>A heading, a sentence and one row per auto run; nothing when no run of the case study used <c>auto(...)</c>.</summary>
    internal static void Render(StringBuilder h, CaseStudyMeasures m)
    {
        var runs = Runs(m);
        if (runs.Count == 0) return;
        var far = runs.Count(r => r.Outcome.HeldFarBelow);
        h.Append("<h3>What auto() did</h3>\n<p class=\"note\" data-auto-summary>")
         .Append(HtmlReport.E(far == 0
             ? $"In all {runs.Count} runs with automatic warmup the gates let the rate reach at least half the requested peak."
             : $"In {far} of {runs.Count} runs with automatic warmup the gates held the rate below half the requested peak; " +
               "there the sustained rate is the highest one every gate passed, and the suggested peak is that rate rounded down."))
         .Append("</p>\n<div class=\"card\"><table class=\"auto\"><thead><tr><th>Arm</th><th class=\"num\">Requested peak LR</th><th " +
             "class=\"num\">Seed</th>")
         .Append("<th>Outcome</th><th class=\"num\">Sustained LR</th><th class=\"num\">Suggested peak LR</th><th>What it " +
             "said</th></tr></thead><tbody>");
        foreach (var (run, o) in runs)
        {
            var outcome = o.Phase == "done" ? "reached the peak"
                : o.HeldFarBelow ? $"held far below ({HtmlReport.N(Math.Round(o.FinalFactor * 100, 1))}% of the peak)"
                : $"ended at {HtmlReport.N(Math.Round(o.FinalFactor * 100, 1))}% of the peak";
            var rowClass = o.HeldFarBelow ? " class=\"bad\"" : "";
            h.Append($"<tr data-auto-run=\"{HtmlReport.E(run.Name)}\"{rowClass}><td>{HtmlReport.E(run.Arm)}</td>")
             .Append($"<td class=\"num\">{ChartStyle.Format(o.RequestedLr)}</td><td " +
                 $"class=\"num\">{run.Config.Seed}</td><td>{HtmlReport.E(outcome)}</td>")
             .Append($"<td class=\"num\">{ChartStyle.Format(o.SustainedLr)}</td>")
             .Append($"<td class=\"num\">{(o.SuggestedPeak is { } s ? ChartStyle.Format(s) : "–")}</td>")
             .Append($"<td>{HtmlReport.E(o.Message)}</td></tr>");
        }
        h.Append("</tbody></table></div>\n");
    }
}
