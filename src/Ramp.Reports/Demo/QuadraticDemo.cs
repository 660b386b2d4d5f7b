using System.Globalization;
using Ramp.Reports.Charts;
using Ramp.Schedules;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Warmup;
using ScottPlot;

namespace Ramp.Reports.Demo;

/// <summary>
/// <c>ramp demo quadratic</c>: gradient descent on f(x) = x^2 and on a 2-D quadratic with condition number 100,
/// at learning rates around the stability limit 2/L, with and without a linear warmup, drawn as loss against
/// step on a log axis so slow, oscillating and divergent regimes are plain to see.
/// </summary>
public static class QuadraticDemo
{
    /// <summary>f(x) = x^2: curvature 2, limit 1.</summary>
    public static Quadratic Parabola { get; } = new("f(x) = x²", [2.0], [1.0]);

    /// <summary>f(x, y) = 50 x^2 + y^2 / 2: curvatures 100 and 1 (condition number 100), limit 0.02.</summary>
    public static Quadratic IllConditioned { get; } = new("f(x, y) = 50x² + y²/2 (condition number 100)", [100.0, 1.0], [1.0, 1.0]);

    /// <summary>Steps shown for x^2, and its warmup.</summary>
    public const int ParabolaSteps = 60, ParabolaWarmup = 15;

    /// <summary>Steps shown for the ill-conditioned quadratic, and its warmup.</summary>
    public const int IllConditionedSteps = 300, IllConditionedWarmup = 60;

    /// <summary>The loss axis ends here: a loss below it is drawn on the bottom edge.</summary>
    public const double Floor = 1e-16;

    /// <summary>Learning rates as fractions of the limit 2/L: slow, fast, oscillating, near the edge, just past it.</summary>
    public static readonly double[] Fractions = [0.05, 0.3, 0.9, 0.98, 1.04];

    /// <summary>Writes the charts and <c>index.html</c> into <paramref name="outDir"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string outDir)
    {
        Directory.CreateDirectory(outDir);
        var charts = new List<ChartFile>
        {
            LossChart(Parabola, ParabolaSteps, ParabolaWarmup, outDir, "quadratic-1d"),
            IterateChart(Parabola, 30, outDir, "quadratic-1d-iterate"),
            LossChart(IllConditioned, IllConditionedSteps, IllConditionedWarmup, outDir, "quadratic-2d"),
        };
        var html = Path.Combine(outDir, "index.html");
        File.WriteAllText(html, QuadraticPage.Render(charts, QuadraticFindings.All()));
        return [html, .. charts.SelectMany(c => new[] { c.PngPath, c.SvgPath })];
    }

    /// <summary>The learning rate schedule: constant <paramref name="peak"/>, or a linear warmup to it over <paramref name="warmup"/>
    /// steps.</summary>
    public static Schedule Schedule(double peak, int warmup) =>
        new Scaled(peak, warmup == 0 ? new Constant() : new LinearWarmup(warmup));

    private static ChartFile LossChart(Quadratic q, int steps, int warmup, string dir, string id)
    {
        var plot = ChartStyle.NewPlot($"Gradient descent on {q.Name}", "step", "loss (log scale)");
        var logs = new List<double>();
        for (var i = 0; i < Fractions.Length; i++)
        {
            var lr = Fractions[i] * q.Limit;
            foreach (var w in new[] { 0, warmup })
            {
                var (loss, _) = q.Descend(Schedule(lr, w), steps);
                // A diagonal quadratic's loss is a sum of positive terms, exact down to underflow: nothing is cut off,
                // a loss below the axis is drawn on its bottom edge (the caption says so).
                var ys = loss.Select(v => v <= Floor ? Math.Log10(Floor) : ChartStyle.Log10(v)).Where(double.IsFinite).ToArray();
                logs.AddRange(ys);
                var line = plot.Add.ScatterLine(Enumerable.Range(0, ys.Length).Select(t => (double)t).ToArray(), ys, ChartStyle.Series(i));
                line.LineWidth = w == 0 ? 2.5f : 2f;
                line.LinePattern = w == 0 ? LinePattern.Solid : LinePattern.Dashed;
                line.LegendText = w == 0
                    ? $"lr = {Lr(lr)} = {Fractions[i]:0.##} × 2/L ({q.Regime(lr)})"
                    : $"  same, {warmup}-step linear warmup";
            }
        }
        plot.Add.VerticalLine(warmup, 1.5f, Color.FromHex("#9ca3af"), LinePattern.Dotted);
        ChartStyle.LogY(plot, logs);
        var top = logs.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        // Inside the plot, at the top: a label on the line's axis end would sit on the step ticks.
        var note = plot.Add.Text($" warmup ends (step {warmup})", warmup, top);
        note.LabelFontSize = 12;
        note.LabelFontName = ChartStyle.Sans;
        note.LabelFontColor = Color.FromHex("#4b5563");
        note.LabelAlignment = Alignment.UpperLeft;
        ChartStyle.Legend(plot);
        plot.ShowLegend(Edge.Right);
        return ChartStyle.Save(plot, dir, id, "demo", $"Gradient descent on {q.Name}",
            $"Stability limit 2/L = {Lr(q.Limit)}. Solid: constant learning rate; dashed: the same peak reached by a {warmup}-step " +
                "linear warmup. " +
            $"A curve on the bottom edge is below {Floor:0e0}; a curve that ends early passed {Quadratic.Ceiling:0e0} (blown up).",
            1200, 620);
    }

    private static ChartFile IterateChart(Quadratic q, int steps, string dir, string id)
    {
        var plot = ChartStyle.NewPlot($"The iterate x on {q.Name}", "step", "x");
        for (var i = 0; i < Fractions.Length; i++)
        {
            var lr = Fractions[i] * q.Limit;
            var (_, x0) = q.Descend(Schedule(lr, 0), steps);
            var xs = x0.Select(v => Math.Clamp(v, -3, 3)).ToArray();
            var line = plot.Add.Scatter(Enumerable.Range(0, xs.Length).Select(t => (double)t).ToArray(), xs, ChartStyle.Series(i));
            line.LineWidth = 2;
            line.MarkerSize = 4;
            line.LegendText = $"lr = {Lr(lr)} ({q.Regime(lr)})";
        }
        plot.Axes.SetLimitsY(-2.2, 2.2);
        ChartStyle.Legend(plot);
        plot.ShowLegend(Edge.Right);
        return ChartStyle.Save(plot, dir, id, "demo", $"The iterate x on {q.Name}",
            "Above 1/L the iterate changes sign every step: it oscillates; past 2/L the swings grow.", 1200, 460);
    }

    private static string Lr(double lr) => lr.ToString("0.####", CultureInfo.InvariantCulture);
}
