using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>The look shared by every chart: a light, quiet frame, a colour per arm, log axes, and saving.</summary>
public static class ChartStyle
{
    /// <summary>Series colours, in order: blue, red, green, purple, orange, teal, pink, olive, slate.</summary>
    public static readonly string[] Palette =
        ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#db2777", "#65a30d", "#475569"];

    /// <summary>
    /// The sans-serif family the charts use: the first installed of DejaVu Sans, Liberation Sans, Noto Sans,
    /// Arial, else ScottPlot's own choice. (ScottPlot's <c>Fonts.Sans</c> can resolve to a serif face on Linux.)
    /// </summary>
    public static string Sans { get; } = PickSans();

    private static string PickSans()
    {
        var installed = SkiaSharp.SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial" }.FirstOrDefault(installed.Contains) ?? Fonts.Sans;
    }

    /// <summary>The colour of the <paramref name="index"/>-th series (cycling).</summary>
    public static Color Series(int index) => Color.FromHex(Palette[index % Palette.Length]);

    /// <summary>A new plot with the shared look and the given title and axis labels.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Color.FromHex("#fcfcfd");
        plot.Grid.MajorLineColor = Color.FromHex("#e5e7eb");
        plot.Grid.MinorLineColor = Color.FromHex("#f3f4f6");
        plot.Grid.MinorLineWidth = 1;
        plot.Grid.XAxisStyle.MinorLineStyle.Width = 0;
        plot.Axes.Color(Color.FromHex("#374151"));
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Title(title, 17);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Color.FromHex("#111827");
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = 12;
            axis.TickLabelStyle.ForeColor = Color.FromHex("#4b5563");
        }
        if (plot.Axes.Left.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic ticks) ticks.TickDensity = 0.6;
        // Steps are whole numbers: a short run must not get ticks at step 0.2.
        if (plot.Axes.Bottom.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic steps) steps.IntegerTicksOnly = true;
        return plot;
    }

    /// <summary>Shows the legend beside the data area, on the right, so it never covers a curve or a point.</summary>
    public static void Legend(Plot plot)
    {
        plot.ShowLegend(Edge.Right);
        LegendLook(plot);
    }

    /// <summary>Shows the legend inside the data area at <paramref name="where"/>, with a light box.</summary>
    public static void Legend(Plot plot, Alignment where)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = where;
        LegendLook(plot);
    }

    private static void LegendLook(Plot plot)
    {
        plot.Legend.FontSize = 12;
        plot.Legend.OutlineColor = Color.FromHex("#d1d5db");
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.92);
        plot.Legend.ShadowColor = Colors.Transparent;
    }

    /// <summary>
    /// Makes the left axis read as log10 over the plotted values <paramref name="logValues"/> (log10 of the data,
    /// see <see cref="Log10"/>): labelled ticks at 1, 2, 5 x 10^k when the data span three decades or less, at
    /// powers of ten otherwise, and minor ticks at the other integers x 10^k.
    /// </summary>
    public static void LogY(Plot plot, IEnumerable<double> logValues)
    {
        var finite = logValues.Where(double.IsFinite).ToList();
        var (lo, hi) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var dense = hi - lo <= 3;
        for (var k = (int)Math.Floor(lo) - 1; k <= (int)Math.Ceiling(hi) + 1; k++)
            for (var m = 1; m <= 9; m++)
            {
                var y = k + Math.Log10(m);
                if (y < lo - 0.3 || y > hi + 0.3) continue;
                if (m == 1 || dense && m is 2 or 5) ticks.AddMajor(y, Format(m * Math.Pow(10, k)));
                else ticks.AddMinor(y);
            }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Grid.YAxisStyle.MinorLineStyle.Width = 1;
    }

    /// <summary>log10 of <paramref name="value"/>, or NaN when it is not positive and finite.</summary>
    public static double Log10(double value) => value > 0 && double.IsFinite(value) ? Math.Log10(value) : double.NaN;

    /// <summary>Short tick text: 0.001, 0.1, 1, 10, 1e+06.</summary>
    public static string Format(double value) =>
        value == 0 ? "0" : Math.Abs(value) is >= 1e-3 and < 1e5
            ? value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.#e+0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="plot"/> as <c>id.png</c> and <c>id.svg</c> in <paramref name="dir"/>.</summary>
    public static ChartFile Save(Plot plot, string dir, string id, string kind, string title, string caption, int width = 960,
        int height = 540)
    {
        Directory.CreateDirectory(dir);
        var png = Path.Combine(dir, id + ".png");
        var svg = Path.Combine(dir, id + ".svg");
        // ScottPlot's default font on Linux can resolve to a serif face; every chart uses the system sans.
        plot.Font.Set(Sans);
        plot.SavePng(png, width, height);
        plot.SaveSvg(svg, width, height);
        return new ChartFile(id, kind, title, caption, png, svg);
    }
}
