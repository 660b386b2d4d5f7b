using Ramp.Reports.Charts;
using Ramp.Reports.Measures;
using Ramp.Runs;

namespace Ramp.Reports.Html;

/// <summary>The charts of one case study, in report order, and the peak LR its curves are compared at.</summary>
/// <param name="Measures">The case study's measures.</param>
/// <param name="TellingPeak">The peak LR of the loss-curve comparison.</param>
/// <param name="Charts">The charts, in the order the report shows them.</param>
public sealed record CaseStudyCharts(CaseStudyMeasures Measures, double TellingPeak, IReadOnlyList<ChartFile> Charts)
{
    /// <summary>Draws every chart of <paramref name="m"/> into <paramref name="dir"/>.</summary>
    public static CaseStudyCharts Write(CaseStudyMeasures m, string dir, int layerSteps)
    {
        ArgumentNullException.ThrowIfNull(m);
        var slug = Slug(m.CaseStudy);
        var peak = Ramp.Reports.Measures.TellingPeak.Choose(m);
        var charts = new List<ChartFile>
        {
            DivergenceHeatmapChart.Write(m, dir, slug + "-heatmap"),
            SensitivityChart.Write(m, dir, slug + "-sensitivity"),
            ArmSchedulesChart.Write(m, dir, slug + "-schedules"),
            LossCurvesChart.Write(m, peak, dir, slug + "-loss"),
        };
        foreach (var run in LayerRuns(m, peak))
            charts.Add(LayerGradNormChart.Write(run, layerSteps, dir, $"{slug}-layers-{Slug(run.Arm)}"));
        foreach (var (run, arm) in DecisionRuns(m, peak))
            charts.Add(GuardEventsChart.Write(run, ChartStyle.Series(arm), dir, $"{slug}-guards-{Slug(run.Name)}"));
        return new CaseStudyCharts(m, peak, charts);
    }

    /// <summary>
    /// At the telling peak, one run per arm (with its arm's index, for its colour): the first seed that diverged, so
    /// failures are shown and not only the runs that coped, else the seed with the most events; only runs that
    /// diverged or logged an event.
    /// </summary>
    public static IEnumerable<(Run Run, int Arm)> DecisionRuns(CaseStudyMeasures m, double peak)
    {
        ArgumentNullException.ThrowIfNull(m);
        for (var i = 0; i < m.Arms.Count; i++)
        {
            if (m.Cell(m.Arms[i].Arm, peak) is not { } cell) continue;
            var pick = cell.Runs.FirstOrDefault(o => o.Diverged)
                ?? cell.Runs.Where(o => o.Run.Events.Count > 0).OrderByDescending(o => o.Run.Events.Count).FirstOrDefault();
            if (pick is not null) yield return (pick.Run, i);
        }
    }

    /// <summary>At the telling peak, the first seed with per-layer data of the no-warmup arm and of the arm most stable there.</summary>
    private static IEnumerable<Run> LayerRuns(CaseStudyMeasures m, double peak)
    {
        var cells = m.Arms.Select(a => m.Cell(a.Arm, peak)).OfType<GridCell>().ToList();
        var picks = cells.Where(c => ArmNames.IsNoWarmup(c.Arm)).Take(1)
            .Concat(cells.Where(c => !ArmNames.IsNoWarmup(c.Arm)).OrderBy(c => c.DivergenceRate).Take(1));
        return picks.Select(c => c.Runs.Select(o => o.Run).FirstOrDefault(r => r.HasLayers)).OfType<Run>();
    }

    /// <summary>A file- and id-safe form of a name: lower case letters, digits and dashes.</summary>
    public static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "runs" : slug;
    }
}
