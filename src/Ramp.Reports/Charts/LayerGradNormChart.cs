using Ramp.Reports.RunFolders;
using ScottPlot;

namespace Ramp.Reports.Charts;

/// <summary>Per-layer gradient norms over a run's first steps (log-y), from <c>metrics.jsonl</c>.</summary>
public static class LayerGradNormChart
{
    /// <summary>Draws the first <paramref name="steps"/> steps of <paramref name="run"/> into <paramref name="dir"/>.</summary>
    public static ChartFile Write(Run run, int steps, string dir, string id)
    {
        ArgumentNullException.ThrowIfNull(run);
        var label = $"{run.Config.Arm}, peak LR {ChartStyle.Format(run.Config.PeakLr)}, seed {run.Config.Seed}";
        var plot = ChartStyle.NewPlot($"Per-layer gradient norms: {label}", "optimizer step", "gradient norm (log scale)");
        var logs = new List<double>();
        var rows = run.Metrics.Where(r => r.Step < steps).ToList();
        var layers = rows.Where(r => r.Layers is not null).SelectMany(r => r.Layers!.Keys).Distinct().ToList();
        for (var i = 0; i < layers.Count; i++)
        {
            var name = layers[i];
            var (xs, ys, _) = Series.Of(rows.Where(r => r.Layers?.ContainsKey(name) == true), r => r.Layers![name].GradNorm, ChartStyle.Log10);
            if (xs.Length == 0) continue;
            logs.AddRange(ys);
            var line = plot.Add.ScatterLine(xs, ys, ChartStyle.Series(i));
            line.LineWidth = 2;
            line.LegendText = name;
        }
        ChartStyle.LogY(plot, logs);
        ChartStyle.Legend(plot);
        return ChartStyle.Save(plot, dir, id, "layers", $"Per-layer gradient norms ({label})",
            $"Gradient norm of each layer over the first {steps} steps; a layer far above the others early on is where warmup helps.");
    }
}
