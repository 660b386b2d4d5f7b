using Ramp.Schedules;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// The look shared by Ramp's charts: white background, light grid, readable fonts (labels 18 px, ticks 14 px,
/// legend 14 px), Tableau's ten-colour palette (distinct hues, printable), 2 px lines.
/// </summary>
public static class ChartTheme
{
    /// <summary>Default width of a saved chart in pixels.</summary>
    public const int Width = 960;

    /// <summary>Default height of a saved chart in pixels.</summary>
    public const int Height = 540;

    /// <summary>Line width of data series in pixels.</summary>
    public const float LineWidth = 2f;

    /// <summary>The palette, in the order lines are coloured.</summary>
    public static IPalette Palette { get; } = new ScottPlot.Palettes.Category10();

    /// <summary>
    /// The sans-serif family used for all text: the first installed of DejaVu Sans, Liberation Sans, Arial,
    /// Helvetica and Segoe UI, else ScottPlot's own guess.
    /// </summary>
    public static string SansFont { get; } = FindSansFont();

    private static string FindSansFont()
    {
        // ScottPlot's guess can name a family that is not installed on a bare Linux box, and Skia then falls back to serif.
        var installed = SkiaSharp.SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        string[] preferred = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI"];
        return preferred.FirstOrDefault(installed.Contains) ?? Fonts.Sans;
    }

    /// <summary>Applies the theme to <paramref name="plot"/>: fonts, grid, axes and palette.</summary>
    public static void Apply(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Add.Palette = Palette;
        plot.Font.Set(SansFont);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        plot.Grid.MinorLineWidth = 0;
        plot.Axes.Title.Label.FontSize = 20;
        plot.Axes.Title.Label.Bold = true;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = 18;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = 14;
            axis.FrameLineStyle.Color = Color.FromHex("#888888");
        }
        plot.Legend.FontSize = 14;
        plot.Legend.FontName = SansFont;
        plot.Legend.OutlineColor = Color.FromHex("#cccccc");
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.9);
    }

    /// <summary>
    /// Saves <paramref name="plot"/> as PNG or SVG, chosen by the extension of <paramref name="path"/>
    /// (<c>.png</c> or <c>.svg</c>, any case).
    /// </summary>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>.</exception>
    public static void Save(Plot plot, string path, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".png":
                plot.SavePng(path, width, height);
                break;
            case ".svg":
                plot.SaveSvg(path, width, height);
                break;
            default:
                throw RampArgumentException.For($"chart file must end in .png or .svg but was '{path}'", nameof(path));
        }
    }
}
