using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// A readable log10 range for a chart and the placing of values on it: a value inside is drawn where it is; one
/// above the top is drawn on the top edge and flagged; zero (or below the bottom) on the bottom edge and flagged,
/// so nothing is silently dropped and a blow-up cannot squash the other curves into the bottom of the chart.
/// </summary>
/// <param name="Low">Bottom of the axis, log10.</param>
/// <param name="High">Top of the axis, log10.</param>
public sealed record LogAxis(double Low, double High)
{
    /// <summary>A value's place on the axis (log10, clamped) and whether it was above or below/zero.</summary>
    public (double Y, bool Above, bool Below) Place(double value)
    {
        if (double.IsNaN(value)) return (double.NaN, false, false);
        if (value <= 0) return (Low, false, true);
        var y = Math.Log10(value);
        if (y > High) return (High, true, false);
        if (y < Low) return (Low, false, true);
        return (y, false, false);
    }

    /// <summary>The top of the axis in data units, to two significant digits (for legends: "above 290").</summary>
    public string TopText => ChartStyle.Format(Round2(Math.Pow(10, High)));

    /// <summary>The bottom of the axis in data units, to two significant digits.</summary>
    public string BottomText => ChartStyle.Format(Round2(Math.Pow(10, Low)));

    /// <summary>Log ticks over the range, and limits a little beyond it so edge markers show whole.</summary>
    public void Apply(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ChartStyle.LogY(plot, [Low, High]);
        var margin = 0.04 * (High - Low);
        plot.Axes.SetLimitsY(Low - margin, High + margin);
    }

    private static double Round2(double v)
    {
        if (!(v > 0) || !double.IsFinite(v)) return v;
        var scale = Math.Pow(10, Math.Floor(Math.Log10(v)) - 1);
        return Math.Round(v / scale) * scale;
    }

    /// <summary>
    /// The range for <paramref name="values"/> whose readable top is <paramref name="top"/> (e.g. ten times the
    /// largest starting loss): from the smallest positive value to the smaller of the largest value and the top,
    /// padded a little.
    /// </summary>
    public static LogAxis Fit(IEnumerable<double> values, double top = double.PositiveInfinity)
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        if (positive.Count == 0) return new LogAxis(-1, 1);
        var lo = Math.Log10(positive.Min());
        var hi = Math.Min(Math.Log10(positive.Max()), double.IsFinite(top) && top > 0 ? Math.Log10(top) : double.PositiveInfinity);
        if (hi < lo) hi = lo;
        var pad = Math.Max(0.05 * (hi - lo), 0.1);
        return new LogAxis(lo - pad, hi + pad);
    }
}
