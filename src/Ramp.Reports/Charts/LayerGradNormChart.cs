using Ramp.Runs;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>
/// Per-layer gradient norms over a run's first steps (log-y), from <c>metrics.jsonl</c>. Layers are coloured from
/// first (dark) to last (yellow) on a sequential scale, so they never read as arms; a zero norm (a dead layer) sits
/// on the bottom edge as a triangle; the step axis covers the steps the run actually has.
/// </summary>
public static class LayerGradNormChart
{
    /// <summary>Draws the first <paramref name="steps"/> steps of <paramref name="run"/> into <paramref name="dir"/>.</summary>
    public static ChartFile Write(Run run, int steps, string dir, string id)
    {
        ArgumentNullException.ThrowIfNull(run);
        var label = $"{run.Arm}, peak LR {ChartStyle.Format(run.PeakLr)}, seed {run.Config.Seed}";
        var plot = ChartStyle.NewPlot($"Per-layer gradient norms: {label}", "optimizer step", "gradient norm (log scale)");
        var rows = run.Metrics.Where(r => r.Step < steps && r.Layers.Count > 0).ToList();
        var layers = rows.SelectMany(r => r.Layers.Select(l => l.Key)).Distinct().ToList();
        var axis = LogAxis.Fit(rows.SelectMany(r => r.Layers.Select(l => l.Value.GradNorm)));
        var colors = new ScottPlot.Colormaps.Viridis();
        bool above = false, below = false, blew = false;
        for (var i = 0; i < layers.Count; i++)
        {
            var name = layers[i];
            var mine = rows.Where(r => r.Layers.Any(l => l.Key == name)).ToList();
            var color = colors.GetColor(layers.Count == 1 ? 0 : 0.9 * i / (layers.Count - 1));
            var norms = mine.Select(r => r.Layers.First(l => l.Key == name).Value.GradNorm).ToArray();
            var line = LogLine.Draw(plot, axis, mine.Select(r => (double)r.Step).ToArray(), norms, color, 2);
            if (line.Line is { } l) l.LegendText = name;
            (above, below, blew) = (above | line.Above > 0, below | line.Below > 0, blew | line.BlewUp);
        }
        // The last step with a finite norm: rows after a blow-up carry NaN and are not "steps it ran".
        var finite = rows.Where(r => r.Layers.Any(l => double.IsFinite(l.Value.GradNorm))).ToList();
        var last = finite.Count == 0 ? 0 : finite.Max(r => r.Step);
        plot.Axes.SetLimitsX(-0.5, Math.Max(last, 1) + 0.5);
        axis.Apply(plot);
        LogLine.Explain(plot, above, below, blew, axis);
        ChartStyle.Legend(plot);
        var span = last + 1 >= steps ? $"the first {steps} steps" : $"the {last + 1} steps it has finite gradients for (it diverged; the " +
            $"chart would cover the first {steps})";
        return ChartStyle.Save(plot, dir, id, "layers", $"Per-layer gradient norms ({label})",
            $"Gradient norm of each layer over {span}, from the first layer (dark) to the last (yellow); " +
            "a layer far above the others early on is where warmup helps.");
    }
}
