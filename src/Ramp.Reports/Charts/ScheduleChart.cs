using Ramp.Schedules;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Ramp.Reports.Charts;

/// <summary>
/// Draws learning-rate schedules on one chart: step on the x axis, learning rate on the y axis (linear or
/// logarithmic), one coloured line per schedule and a legend naming each.
/// </summary>
public static class ScheduleChart
{
    /// <summary>
    /// Height in pixels that leaves the plot area its usual size above a legend of <paramref name="lines"/> rows.
    /// </summary>
    public static int HeightFor(int lines) => ChartTheme.Height + 24 * Math.Max(0, lines - 2);

    /// <summary>Builds the chart; save it with <see cref="ChartTheme.Save"/> at height <see cref="HeightFor"/>.</summary>
    /// <param name="lines">One entry per line: its legend text and its value at steps 0, 1, ...; at least one.</param>
    /// <param name="title">Chart title, or null for none.</param>
    /// <param name="logY">
    /// Logarithmic learning-rate axis. Values that are not positive cannot be drawn there and are left out
    /// (HF warmups start at exactly 0).
    /// </param>
    /// <exception cref="ArgumentException">No lines, or (with <paramref name="logY"/>) no positive value at all.</exception>
    public static Plot Create(IReadOnlyList<(string Label, IReadOnlyList<double> Values)> lines, string? title = null, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0) throw RampArgumentException.For("a schedule chart needs at least one line", nameof(lines));
        var plot = new Plot();
        ChartTheme.Apply(plot);
        var anyPoint = false;
        foreach (var (label, values) in lines)
        {
            var (xs, ys) = Points(values, logY);
            anyPoint |= xs.Length > 0;
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = label;
            line.LineWidth = ChartTheme.LineWidth;
            // A rate holds for a whole step, so a drop is drawn as a vertical edge rather than a slope.
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = xs.Length <= 40 ? 5 : 0;
        }
        if (logY && !anyPoint)
        {
            throw RampArgumentException.For("a logarithmic axis needs at least one positive learning rate", nameof(logY));
        }
        plot.XLabel("step");
        plot.YLabel("learning rate");
        if (title is not null) plot.Title(title);
        if (logY) UseLogTicks(plot);
        else UseLinearTicks(plot, lines);
        plot.Axes.Margins(horizontal: 0.02, vertical: 0.08);
        // Below the chart the legend never hides a curve, and long spec texts keep the plot area wide.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Vertical;
        return plot;
    }

    private static (double[] Xs, double[] Ys) Points(IReadOnlyList<double> values, bool logY)
    {
        var xs = new List<double>(values.Count);
        var ys = new List<double>(values.Count);
        for (var t = 0; t < values.Count; t++)
        {
            var v = values[t];
            if (!double.IsFinite(v) || (logY && v <= 0)) continue;
            xs.Add(t);
            ys.Add(logY ? Math.Log10(v) : v);
        }
        return (xs.ToArray(), ys.ToArray());
    }

    private static void UseLinearTicks(Plot plot, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> lines)
    {
        // Learning rates like 3e-4 read badly as 0.00028 next to 8E-05: below 0.01 every tick is scientific.
        var largest = lines.SelectMany(l => l.Values).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (largest is 0 or >= 0.01) return;
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = y => y == 0 ? "0" : y.ToString("0.##e0", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static void UseLogTicks(Plot plot)
    {
        // ScottPlot draws log axes as log10 data with ticks labelled back in linear units.
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => y < -3 ? $"1e{y:0}" : Math.Pow(10, y).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
