using Ramp.Runs;
using Ramp.Reports.Measures;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// The schedule of every arm as it was applied: the logged learning rate divided by the run's peak LR, against
/// step, from each arm's longest run (so a run cut short by a blow-up does not hide the schedule's tail).
/// </summary>
public static class ArmSchedulesChart
{
    /// <summary>Draws the chart for <paramref name="m"/> into <paramref name="dir"/>.</summary>
    public static ChartFile Write(CaseStudyMeasures m, string dir, string id)
    {
        var plot = ChartStyle.NewPlot("Schedules of the arms", "optimizer step", "learning rate / peak LR");
        for (var i = 0; i < m.Arms.Count; i++)
        {
            var run = m.Arms[i].Cells.SelectMany(c => c.Runs).Select(o => o.Run)
                .OrderByDescending(r => r.Metrics.Count).ThenBy(r => r.PeakLr).FirstOrDefault();
            if (run is null || !(run.PeakLr > 0)) continue;
            var (xs, ys, _) = Series.Of(run.Metrics, r => r.Lr, v => v / run.PeakLr);
            (xs, ys) = Series.Thin(xs, ys);
            if (xs.Length == 0) continue;
            var line = plot.Add.ScatterLine(xs, ys, ChartStyle.Series(i));
            line.LineWidth = 2.5f;
            line.LegendText = m.Arms[i].Arm;
        }
        plot.Axes.SetLimitsY(0, 1.08);
        ChartStyle.Legend(plot);
        return ChartStyle.Save(plot, dir, id, "schedules", "Schedules",
            "Each arm's learning rate as a fraction of its peak, read from the lr column its runs logged.");
    }
}
