using Ramp.Schedules;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// The LR range test's curve: training loss against learning rate on a log axis, the raw loss faint and the
/// smoothed loss bold, a dashed line at each suggestion (labelled with its rule and value), a solid line at the
/// recommended peak, a dotted one at the cold-start limit, and a cross where the ramp diverged.
/// </summary>
/// <remarks>
/// Every legend entry is drawn inside the chart: the x axis spans the curve and every marked learning rate, and the
/// divergence cross sits at the top edge when the loss it stopped at is above the shown range (the blow-up would
/// otherwise squash the part worth reading).
/// </remarks>
public static class RangeTestChart
{
    /// <summary>Draws the curve into <paramref name="dir"/> as <c>id.png</c> and <c>id.svg</c>.</summary>
    /// <param name="lrs">Learning rate of each iteration (all &gt; 0).</param>
    /// <param name="losses">Raw loss of each iteration (non-finite ones are left out).</param>
    /// <param name="smoothed">Smoothed loss of each iteration (non-finite ones are left out).</param>
    /// <param name="suggestions">Each rule's name and suggested learning rate (rules without one left out by the caller).</param>
    /// <param name="divergenceLr">The learning rate at which the ramp stopped for divergence, or null.</param>
    /// <param name="dir">Folder to write into.</param>
    /// <param name="id">Base name of the files.</param>
    /// <param name="recommendedLr">The recommended peak, or null.</param>
    /// <param name="coldStartLr">The largest learning rate that survived a cold start, or null.</param>
    /// <exception cref="ArgumentException">Lengths differ or there is no finite point.</exception>
    public static ChartFile Write(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, IReadOnlyList<double> smoothed,
        IReadOnlyList<(string Rule, double Lr)> suggestions, double? divergenceLr, string dir, string id = "find-lr",
        double? recommendedLr = null, double? coldStartLr = null)
    {
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(smoothed);
        ArgumentNullException.ThrowIfNull(suggestions);
        if (lrs.Count != losses.Count || lrs.Count != smoothed.Count)
            throw RampArgumentException.For($"range test chart: {lrs.Count} learning rates, {losses.Count} losses, " +
                $"{smoothed.Count} smoothed losses", nameof(losses));
        var plot = ChartStyle.NewPlot("LR range test", "learning rate (log scale)", "training loss");
        var (rx, ry) = Finite(lrs, losses);
        var (sx, sy) = Finite(lrs, smoothed);
        if (sx.Length == 0) throw RampArgumentException.For("range test chart: no finite point to draw", nameof(smoothed));
        var raw = plot.Add.ScatterLine(rx, ry, ChartStyle.Series(0).WithAlpha(0.3));
        raw.LineWidth = 1.2f;
        raw.LegendText = "loss";
        var line = plot.Add.ScatterLine(sx, sy, ChartStyle.Series(0));
        line.LineWidth = 2.4f;
        line.LegendText = "smoothed loss";
        var top = sy.Max();
        var yLow = Math.Max(0, sy.Min() - 0.1 * (top - sy.Min()));
        var yHigh = Math.Min(top, 1.5 * sy[0]) * 1.05;
        if (!(yHigh > yLow)) yHigh = yLow + 1;
        var marked = new List<double>();
        for (var i = 0; i < suggestions.Count; i++)
        {
            var (rule, lr) = suggestions[i];
            var mark = plot.Add.VerticalLine(Math.Log10(lr), 1.8f, ChartStyle.Series(i + 1), LinePattern.Dashed);
            mark.LegendText = $"{rule}: {lr:G3}";
            marked.Add(Math.Log10(lr));
        }
        if (coldStartLr is { } cold && cold > 0)
        {
            var mark = plot.Add.VerticalLine(Math.Log10(cold), 1.8f, Colors.Gray, LinePattern.Dotted);
            mark.LegendText = $"cold-start limit: {cold:G3}";
            marked.Add(Math.Log10(cold));
        }
        if (recommendedLr is { } peak && peak > 0)
        {
            var mark = plot.Add.VerticalLine(Math.Log10(peak), 3f, Colors.Black);
            mark.LegendText = $"recommended peak: {peak:G3}";
            marked.Add(Math.Log10(peak));
        }
        if (divergenceLr is { } edge && edge > 0)
        {
            var offTop = sy[^1] > yHigh;
            var y = offTop ? yHigh - 0.04 * (yHigh - yLow) : sy[^1];
            var cross = plot.Add.Marker(Math.Log10(edge), y, MarkerShape.Eks, 13, Colors.Black);
            cross.MarkerLineWidth = 3;
            cross.LegendText = offTop ? $"stopped: diverged at {edge:G3} (loss {sy[^1]:G3}, above the chart)"
                : $"stopped: diverged at {edge:G3}";
            marked.Add(Math.Log10(edge));
        }
        var xLow = Math.Min(sx.Min(), marked.DefaultIfEmpty(sx.Min()).Min());
        var xHigh = Math.Max(sx.Max(), marked.DefaultIfEmpty(sx.Max()).Max());
        var lo = Math.Floor(xLow);
        var hi = Math.Ceiling(xHigh);
        var ticks = Enumerable.Range((int)lo, (int)(hi - lo) + 1).Select(k => (double)k).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(k => ChartStyle.Format(Math.Pow(10, k))).ToArray());
        var pad = 0.03 * Math.Max(xHigh - xLow, 1e-9);
        plot.Axes.SetLimitsX(xLow - pad, xHigh + pad);
        plot.Axes.SetLimitsY(yLow, yHigh);
        ChartStyle.Legend(plot, Alignment.LowerLeft);
        return ChartStyle.Save(plot, dir, id, "range-test", "LR range test",
            "Loss against a learning rate rising exponentially each step; dashed lines are the suggestion rules' picks.");
    }

    private static (double[] Xs, double[] Ys) Finite(IReadOnlyList<double> lrs, IReadOnlyList<double> values)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < lrs.Count; i++)
        {
            if (!(lrs[i] > 0) || !double.IsFinite(values[i])) continue;
            xs.Add(Math.Log10(lrs[i]));
            ys.Add(values[i]);
        }
        return (xs.ToArray(), ys.ToArray());
    }
}
