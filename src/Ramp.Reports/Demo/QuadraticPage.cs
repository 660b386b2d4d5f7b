using System.Net;
using System.Text;
using Ramp.Reports.Charts;
using Ramp.Reports.Html;

namespace Ramp.Reports.Demo;

/// <summary>The demo's small self-contained HTML page: a paragraph of explanation and the charts inlined.</summary>
internal static class QuadraticPage
{
    internal static string Render(IReadOnlyList<ChartFile> charts, IReadOnlyList<string> findings)
    {
        var h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ramp demo: warmup on a " +
            "quadratic</title>\n<style>\n")
            .Append(ReportCss.Text).Append("\n</style></head><body>\n")
            .Append("<header><div class=\"wrap\"><h1>Warmup on a quadratic</h1><p>Gradient descent at learning rates around the " +
                "stability limit 2/L.</p></div></header>\n<main class=\"wrap\">\n")
            .Append("<div class=\"card verdict\" style=\"margin-top:24px\"><strong>How to read it</strong><ul>")
            .Append("<li>On a quadratic with largest curvature L, gradient descent shrinks the stiffest direction by |1 − lr·L| per step: ")
            .Append("below 1/L it creeps down monotonically, between 1/L and 2/L it overshoots and oscillates while still converging, " +
                "above 2/L it diverges.</li>")
            .Append("<li>Small learning rates are slow; the ill-conditioned problem is slow in its flat direction even when the stiff " +
                "one is at the edge.</li>")
            .Append("<li>In a real network the curvature (sharpness) falls early in training, which is what can let a warmed-up run " +
                "survive a peak that a quadratic cannot.</li></ul></div>\n")
            .Append("<div class=\"card\" style=\"margin-top:16px\"><strong>What the charts show</strong> (computed from the same " +
                "simulations)<ul>");
        foreach (var f in findings) h.Append($"<li>{WebUtility.HtmlEncode(f)}</li>");
        h.Append("</ul></div>\n");
        foreach (var c in charts)
            h.Append($"<h3>{WebUtility.HtmlEncode(c.Title)}</h3><figure class=\"chart\" data-chart=\"{c.Id}\"><img " +
                $"alt=\"{WebUtility.HtmlEncode(c.Title)}\" src=\"data:image/svg+xml;base64,")
             .Append(Convert.ToBase64String(File.ReadAllBytes(c.SvgPath)))
             .Append($"\"><figcaption>{WebUtility.HtmlEncode(c.Caption)} <a href=\"{Path.GetFileName(c.PngPath)}\">PNG</a> · <a " +
                 $"href=\"{Path.GetFileName(c.SvgPath)}\">SVG</a></figcaption></figure>\n");
        h.Append("<section id=\"commands\"><h3>Command</h3><pre>ramp demo quadratic --out DIR</pre></section></main></body></html>\n");
        return h.ToString();
    }
}
