using Ramp.Reports.Measures;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// Training loss against step (log-y) for every arm and seed at one peak LR, so runs with and without warmup
/// at the same peak sit side by side. A curve that blew up ends in a cross.
/// </summary>
public static class LossCurvesChart
{
    /// <summary>Draws the loss curves of <paramref name="m"/> at <paramref name="peakLr"/> into <paramref name="dir"/>.</summary>
    public static ChartFile Write(CaseStudyMeasures m, double peakLr, string dir, string id)
    {
        var plot = ChartStyle.NewPlot($"Training loss at peak LR {ChartStyle.Format(peakLr)}", "optimizer step", "training loss (log scale)");
        var logs = new List<double>();
        var blowUps = 0;
        for (var i = 0; i < m.Arms.Count; i++)
        {
            if (m.Cell(m.Arms[i].Arm, peakLr) is not { } cell) continue;
            var color = ChartStyle.Series(i);
            for (var k = 0; k < cell.Runs.Count; k++)
            {
                var o = cell.Runs[k];
                var (xs, ys, cut) = Series.Of(o.Run.Metrics, r => r.Loss, ChartStyle.Log10);
                (xs, ys) = Series.Thin(xs, ys);
                if (xs.Length == 0) continue;
                logs.AddRange(ys);
                var line = plot.Add.ScatterLine(xs, ys, k == 0 ? color : color.WithAlpha(0.55));
                line.LineWidth = k == 0 ? 2.2f : 1.4f;
                if (k == 0) line.LegendText = $"{m.Arms[i].Arm} ({cell.Diverged}/{cell.Runs.Count} diverged)";
                if (cut || o.Diverged && xs.Length < o.Run.Metrics.Count)
                {
                    var mk = plot.Add.Marker(xs[^1], ys[^1], MarkerShape.Eks, 13, color);
                    mk.MarkerLineWidth = 3;
                    blowUps++;
                }
            }
        }
        ChartStyle.LogY(plot, logs);
        ChartStyle.Legend(plot);
        var caption = "One colour per arm; the thick line is the first seed, thin lines the others." +
            (blowUps > 0 ? " A cross marks where a run's loss became non-finite." : "");
        return ChartStyle.Save(plot, dir, id, "loss", "Loss curves with and without warmup", caption);
    }
}
