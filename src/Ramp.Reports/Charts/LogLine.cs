using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// Draws one series on a <see cref="LogAxis"/>: the line clamped to the axis, a triangle on the top edge where it is
/// above the axis, one on the bottom edge where it is zero or below, and a cross on the top edge where it became
/// non-finite (the series ends there). Counts what it flagged, so the chart can say so in its legend and caption.
/// </summary>
internal sealed class LogLine
{
    /// <summary>Points drawn on the top edge because they were above the axis.</summary>
    public int Above { get; private set; }

    /// <summary>Points drawn on the bottom edge because they were zero or below the axis.</summary>
    public int Below { get; private set; }

    /// <summary>Whether the series ended in a non-finite value (marked with a cross).</summary>
    public bool BlewUp { get; private set; }

    /// <summary>The line itself (for legend text and width).</summary>
    public ScottPlot.Plottables.Scatter? Line { get; private set; }

    /// <summary>Draws <paramref name="values"/> at <paramref name="steps"/> on <paramref name="axis"/>.</summary>
    public static LogLine Draw(Plot plot, LogAxis axis, IReadOnlyList<double> steps, IReadOnlyList<double> values, Color color, float width)
    {
        var result = new LogLine();
        var xs = new List<double>();
        var ys = new List<double>();
        var above = new List<Coordinates>();
        var below = new List<Coordinates>();
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i])) continue;
            if (double.IsInfinity(values[i]))
            {
                var cross = plot.Add.Marker(steps[i], axis.High, ChartMarks.Diverged, 13, color);
                cross.MarkerLineWidth = 3;
                result.BlewUp = true;
                break;
            }
            var (y, up, down) = axis.Place(values[i]);
            xs.Add(steps[i]);
            ys.Add(y);
            if (up) above.Add(new Coordinates(steps[i], y));
            if (down) below.Add(new Coordinates(steps[i], y));
        }
        if (xs.Count > 0)
        {
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), color);
            line.LineWidth = width;
            if (xs.Count < 12) line.MarkerSize = 6; // a handful of points: show each
            result.Line = line;
        }
        if (above.Count > 0) plot.Add.Markers(Thin(above), ChartMarks.AboveAxis, 10, color);
        if (below.Count > 0) plot.Add.Markers(Thin(below), ChartMarks.ZeroOrBelow, 10, color);
        result.Above = above.Count;
        result.Below = below.Count;
        return result;
    }

    /// <summary>Adds legend-only entries that say what the edge markers mean (only those used).</summary>
    public static void Explain(Plot plot, bool above, bool below, bool blewUp, LogAxis axis)
    {
        var neutral = Color.FromHex("#4b5563");
        if (blewUp) Entry(plot, ChartMarks.Diverged, neutral, "loss became non-finite");
        if (above) Entry(plot, ChartMarks.AboveAxis, neutral, $"above {axis.TopText} (off scale)");
        if (below) Entry(plot, ChartMarks.ZeroOrBelow, neutral, $"zero or below {axis.BottomText}");
    }

    /// <summary>A legend entry with no data: an empty marker set, so it adds nothing to the chart or its limits.</summary>
    internal static void Entry(Plot plot, MarkerShape shape, Color color, string text)
    {
        var legendOnly = plot.Add.Markers(Array.Empty<Coordinates>(), shape, 10, color);
        legendOnly.LegendText = text;
    }

    // Many adjacent off-scale points would draw a solid bar: keep about one in every 8.
    private static Coordinates[] Thin(List<Coordinates> points) =>
        points.Count <= 40 ? points.ToArray() : points.Where((_, i) => i % (points.Count / 40 + 1) == 0).ToArray();
}
