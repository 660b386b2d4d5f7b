using Ramp.Runs;
using System.Globalization;
using System.Net;
using System.Text;
using Ramp.Reports.Charts;
using Ramp.Reports.Measures;

namespace Ramp.Reports.Html;

/// <summary>
/// Renders the report as one self-contained HTML page: inline CSS, every chart inlined as an SVG data URI (with
/// links to its PNG and SVG files), no script and nothing fetched from the network.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page for <paramref name="studies"/>, built from <paramref name="runs"/> with <paramref name="options"/>.</summary>
    public static string Render(IReadOnlyList<Run> runs, IReadOnlyList<CaseStudyCharts> studies, ReportOptions options, string chartsFolder)
    {
        var h = new StringBuilder();
        var title = E(options.Title);
        h.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" " +
            $"content=\"width=device-width, " +
            $"initial-scale=1\">\n<title>{title}</title>\n<style>\n{ReportCss.Text}\n</style></head>\n<body>\n");
        h.Append($"<header><div class=\"wrap\"><h1>{title}</h1><p>Learning-rate warmup compared over a grid of arms (ways of starting " +
            "the learning rate), peak learning rates and seeds.</p><div class=\"chips\">");
        var outcomes = studies.SelectMany(s => s.Measures.Arms).SelectMany(a => a.Cells).SelectMany(c => c.Runs).ToList();
        var unfinished = runs.Count(r => !r.IsComplete);
        var diverged = outcomes.Count(o => o.Diverged);
        var finished = outcomes.Count(o => !o.Diverged && o.Run.IsComplete);
        foreach (var (chip, cls) in new[] { ($"{runs.Count} runs", ""), ($"{finished} finished", "ok"), ($"{diverged} diverged",
            diverged > 0 ? "bad" : ""),
                     (unfinished > 0 ? $"{unfinished} unfinished" : "", ""),
                     (options.Halving.Halved ? $"{options.Halving.Pruned.Count} pruned" : "", ""),
                         ($"{studies.Count} case stud{(studies.Count == 1 ? "y" : "ies")}", ""),
                     ($"{studies.Sum(s => s.Measures.Arms.Count)} arms", "") })
            if (chip.Length > 0) h.Append($"<span class=\"chip {cls}\" data-chip=\"{E(chip.Split(' ', 2)[1])}\">{E(chip)}</span>");
        h.Append("</div></div></header>\n<nav><div class=\"wrap\">");
        foreach (var s in studies) h.Append($"<a href=\"#{Id(s)}\">{E(Name(s))}</a>");
        h.Append("<a href=\"#commands\">Commands</a></div></nav>\n<main class=\"wrap\">\n");
        if (unfinished > 0)
            h.Append($"<p class=\"note\">{unfinished} run(s) had not finished (still running or killed); they are read as far as " +
                "they got.</p>\n");
        if (options.Halving.Halved) HalvingSection.Append(h, options.Halving);
        var measures = options.Measures ?? MeasureOptions.Default;
        foreach (var s in studies) Study(h, s, chartsFolder, measures, options.Halving);
        h.Append("<section id=\"commands\" class=\"study\"><h2>Commands</h2><p>These commands, as typed, produced the runs and this " +
            "report.</p><pre>");
        var commands = CommandLines.AsTyped((options.Commands ?? []).Concat(runs.Select(r => r.Config.Command).OfType<string>()));
        h.Append(commands.Count == 0 ? "(no command was recorded)" : E(string.Join("\n", commands)));
        h.Append("</pre></section>\n</main>\n<footer><div class=\"wrap\">Written by Ramp. Beside this page: <code>summary.csv</code> " +
            "(every measure) and <code>")
         .Append(E(chartsFolder)).Append("/</code> (each chart as PNG and SVG).</div></footer>\n</body></html>\n");
        return h.ToString();
    }

    private static void Study(StringBuilder h, CaseStudyCharts s, string chartsFolder, MeasureOptions options, HalvingOutcome halving)
    {
        var m = s.Measures;
        var v = Verdict.For(m, s.TellingPeak);
        h.Append($"<section class=\"study\" id=\"{Id(s)}\"><h2>{E(Name(s))}</h2>\n");
        Setup(h, TrainingSetup.Of(m, halving));
        h.Append($"<div class=\"card verdict\"><strong data-verdict>{E(v.Headline)}</strong><ul>");
        foreach (var sentence in v.Sentences) h.Append($"<li>{E(sentence)}</li>");
        h.Append("</ul></div>\n<h3>Measures</h3>\n");
        MeasuresTable.Arms(h, m, options);
        AutoWarmupTable.Render(h, s.Measures);
        foreach (var kind in new[] { "heatmap", "sensitivity", "schedules", "loss", "layers", "guards" })
        {
            var charts = s.Charts.Where(c => c.Kind == kind).ToList();
            var heading = kind switch
            {
                "layers" => "Per-layer gradient norms",
                "guards" => "Guard and auto-warmup decisions, and failures",
                _ => charts.FirstOrDefault()?.Title ?? ""
            };
            if (charts.Count == 0 && kind is "layers" or "guards")
                h.Append($"<h3>{heading}</h3><p class=\"note\">" +
                         (kind == "layers" ? "No run logged per-layer statistics (metrics.jsonl)."
                             : $"At peak LR {ChartStyle.Format(s.TellingPeak)} no run diverged or logged a decision or " +
                             "finding.") + "</p>\n");
            if (charts.Count > 0)
            {
                h.Append($"<h3>{E(heading)}</h3>\n");
                if (kind == "guards")
                    h.Append($"<p class=\"note\">At peak LR {ChartStyle.Format(s.TellingPeak)}, one run per arm: the first seed that " +
                        "diverged, else the seed with the most events.</p>\n");
            }
            foreach (var c in charts) Figure(h, c, chartsFolder);
        }
        h.Append("<details><summary>Every grid cell</summary>");
        MeasuresTable.Cells(h, m);
        h.Append("</details></section>\n");
    }

    private static void Setup(StringBuilder h, TrainingSetup setup)
    {
        h.Append("<div class=\"card setup\"><strong>What was trained</strong><table class=\"setup\"><tbody>");
        foreach (var (what, value) in setup.Facts) h.Append($"<tr><th>{E(what)}</th><td>{E(value)}</td></tr>");
        h.Append("</tbody></table><table class=\"arms\"><thead><tr><th>Arm</th><th>Schedule (as run)</th><th>What it " +
            "means</th></tr></thead><tbody>");
        foreach (var (arm, schedule, meaning) in setup.Arms)
            h.Append($"<tr data-setup-arm=\"{E(arm)}\"><td>{E(arm)}</td><td><code>{E(schedule)}</code></td><td>{E(meaning)}</td></tr>");
        h.Append("</tbody></table></div>\n");
    }

    private static void Figure(StringBuilder h, ChartFile c, string chartsFolder)
    {
        var svg = Convert.ToBase64String(File.ReadAllBytes(c.SvgPath));
        var png = $"{chartsFolder}/{Path.GetFileName(c.PngPath)}";
        var svgFile = $"{chartsFolder}/{Path.GetFileName(c.SvgPath)}";
        h.Append($"<figure class=\"chart\" data-chart=\"{E(c.Kind)}\" id=\"fig-{E(c.Id)}\"><img alt=\"{E(c.Title)}\" " +
            $"src=\"data:image/svg+xml;base64,{svg}\">")
         .Append($"<figcaption>{E(c.Caption)} <a href=\"{E(png)}\">PNG</a> · <a href=\"{E(svgFile)}\">SVG</a></figcaption></figure>\n");
    }

    private static string Name(CaseStudyCharts s) => s.Measures.CaseStudy.Length == 0 ? "Runs" : $"Case study: {s.Measures.CaseStudy}";

    private static string Id(CaseStudyCharts s) => "cs-" + CaseStudyCharts.Slug(s.Measures.CaseStudy);

    /// <summary>HTML-escapes text.</summary>
    internal static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number for a table cell: up to 4 significant digits, "n/a" for NaN.</summary>
    internal static string N(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("0.####", CultureInfo.InvariantCulture);
}
