using Ramp.Reports.Measures;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// The divergence heat-map: one row per arm, one column per peak LR, each cell coloured by its divergence rate
/// (green 0, amber 1/2, red 1) and annotated <c>k/n</c>. Cells the grid lacks are grey.
/// </summary>
public static class DivergenceHeatmapChart
{
    /// <summary>Draws the heat-map of <paramref name="m"/> into <paramref name="dir"/>.</summary>
    public static ChartFile Write(CaseStudyMeasures m, string dir, string id)
    {
        var plot = ChartStyle.NewPlot("Divergence rate over seeds", "peak learning rate", "");
        var rows = m.Arms.Count;
        for (var r = 0; r < rows; r++)
        {
            var arm = m.Arms[r];
            var y = rows - 1 - r; // first arm on top
            for (var c = 0; c < m.PeakLrs.Count; c++)
            {
                var cell = m.Cell(arm.Arm, m.PeakLrs[c]);
                var rect = plot.Add.Rectangle(c + 0.03, c + 0.97, y + 0.05, y + 0.95);
                rect.FillStyle.Color = cell is null ? Color.FromHex("#e5e7eb") : Shade(cell.DivergenceRate);
                rect.LineStyle.Width = 0;
                var label = plot.Add.Text(cell is null ? "–" : $"{cell.Diverged}/{cell.Runs.Count}", c + 0.5, y + 0.5);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 15;
                label.LabelBold = true;
                label.LabelFontName = ChartStyle.Sans;
                label.LabelFontColor = cell is { DivergenceRate: > 0.6 } ? Colors.White : Color.FromHex("#1f2937");
            }
        }
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, m.PeakLrs.Count).Select(i => i + 0.5).ToArray(),
            m.PeakLrs.Select(ChartStyle.Format).ToArray());
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, rows).Select(i => rows - 1 - i + 0.5).ToArray(),
            m.Arms.Select(a => a.Arm).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.IsVisible = false;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.Axes.Bottom.FrameLineStyle.Width = 0;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.SetLimits(0, m.PeakLrs.Count, 0, rows);
        var height = Math.Clamp(150 + 64 * rows, 280, 900);
        return ChartStyle.Save(plot, dir, id, "heatmap", "Divergence heat-map",
            "Each cell is an arm at one peak LR: diverged seeds / seeds, green when none diverged, red when all did.",
            960, height);
    }

    /// <summary>Green (#bbf7d0) at 0 through amber (#fcd34d) at 1/2 to red (#dc2626) at 1.</summary>
    public static Color Shade(double rate)
    {
        var t = Math.Clamp(rate, 0, 1);
        var (a, b, f) = t <= 0.5
            ? (Color.FromHex("#bbf7d0"), Color.FromHex("#fcd34d"), t * 2)
            : (Color.FromHex("#fcd34d"), Color.FromHex("#dc2626"), (t - 0.5) * 2);
        return a.MixedWith(b, (float)f);
    }
}
