using Ramp.Reports.Measures;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// LR-sensitivity curves: the final metric (mean over seeds, failures capped) against peak LR on a log axis,
/// one curve per arm. A hollow marker is a cell where at least one seed diverged.
/// </summary>
public static class SensitivityChart
{
    /// <summary>Draws the curves of <paramref name="m"/> into <paramref name="dir"/>.</summary>
    public static ChartFile Write(CaseStudyMeasures m, string dir, string id)
    {
        var metric = m.Kind == MetricKind.Accuracy ? "final accuracy" : "final loss";
        var plot = ChartStyle.NewPlot("Sensitivity to the peak learning rate", "peak learning rate (log scale)",
            $"{metric} (mean over seeds)");
        for (var i = 0; i < m.Arms.Count; i++)
        {
            var cells = m.Arms[i].Cells.Where(c => c.PeakLr > 0 && double.IsFinite(c.MeanFinal)).ToList();
            if (cells.Count == 0) continue;
            var xs = cells.Select(c => Math.Log10(c.PeakLr)).ToArray();
            var ys = cells.Select(c => c.MeanFinal).ToArray();
            var color = ChartStyle.Series(i);
            var line = plot.Add.Scatter(xs, ys, color);
            line.LineWidth = 2.5f;
            line.MarkerSize = 9;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.LegendText = m.Arms[i].Arm;
            foreach (var c in cells.Where(c => c.Diverged > 0))
            {
                plot.Add.Marker(Math.Log10(c.PeakLr), c.MeanFinal, MarkerShape.FilledCircle, 11, Colors.White);
                var edge = plot.Add.Marker(Math.Log10(c.PeakLr), c.MeanFinal, MarkerShape.OpenCircle, 11, color);
                edge.MarkerLineWidth = 2.5f;
            }
        }
        var lrs = m.PeakLrs.Where(lr => lr > 0).ToArray();
        plot.Axes.Bottom.SetTicks(lrs.Select(Math.Log10).ToArray(), lrs.Select(ChartStyle.Format).ToArray());
        plot.Axes.Margins(0.06, 0.12);
        ChartStyle.Legend(plot);
        return ChartStyle.Save(plot, dir, id, "sensitivity", "LR sensitivity",
            $"The {metric} of each arm against its peak LR, averaged over seeds; a diverged seed counts as " +
            (m.Kind == MetricKind.Accuracy ? "its logged accuracy (0 when none)" : "its baseline loss") +
            ". A hollow marker means at least one seed diverged there.");
    }
}
