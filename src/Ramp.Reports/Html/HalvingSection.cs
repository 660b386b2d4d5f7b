using System.Globalization;
using System.Net;
using System.Text;
using Ramp.Reports.Measures;

namespace Ramp.Reports.Html;

/// <summary>
/// The report's note on successive halving: the compute it saved and the cells it pruned, each with its rung and its
/// metric there. Pruned cells are stopped on purpose, not failed: they appear here and nowhere in the measures.
/// </summary>
internal static class HalvingSection
{
    /// <summary>Appends the section for <paramref name="halving"/> to <paramref name="h"/>.</summary>
    public static void Append(StringBuilder h, HalvingOutcome halving)
    {
        var cells = halving.Decisions.Where(d => d.Rung == 0).Count();
        h.Append("<section id=\"halving\" class=\"study\"><h2>Successive halving</h2>\n<p>")
         .Append(E($"Trained {halving.StepsTrained:N0} of the full grid's {halving.StepsFull:N0} steps ({P(halving.Fraction)}; "
                   + $"{P(1 - halving.Fraction)} saved). {halving.Pruned.Count} of {cells} cells were pruned: stopped at a rung because "
                   + "other cells of their arm were better there, not failed; they are left out of the measures below."))
         .Append("</p>\n<table><thead><tr><th>case study</th><th>arm</th><th>peak LR</th>")
         .Append("<th>pruned at</th><th>metric there</th><th>place</th></tr></thead><tbody>\n");
        foreach (var d in halving.Pruned.OrderBy(d => d.CaseStudy, StringComparer.Ordinal).ThenBy(d => d.Arm,
            StringComparer.Ordinal).ThenBy(d => d.PeakLr))
        {
            var value = double.IsNaN(d.Value) ? "diverged" : $"{d.Metric} {d.Value.ToString("G4", CultureInfo.InvariantCulture)}";
            h.Append($"<tr><td>{E(d.CaseStudy)}</td><td>{E(d.Arm)}</td><td>{d.PeakLr.ToString("G4", CultureInfo.InvariantCulture)}</td>")
             .Append($"<td>rung {d.Rung + 1} (step {d.Step})</td><td>{E(value)}</td>")
             .Append($"<td>{d.Place} of {d.Cells} (kept {d.Keep})</td></tr>\n");
        }
        h.Append("</tbody></table></section>\n");
    }

    private static string P(double fraction) => fraction.ToString("P0", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
