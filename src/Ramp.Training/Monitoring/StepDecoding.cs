using Ramp.Runs;
namespace Ramp.Training.Monitoring;

/// <summary>
/// Host-side arithmetic of the monitor: sums per-parameter norms into layers (squares add), forms the ratios and
/// names the dead-unit fractions. Kept apart from <see cref="StepMonitor"/> so the device side stays a few calls.
/// </summary>
public static class StepDecoding
{
    /// <summary>Decodes <paramref name="step"/> for parameters belonging to <paramref name="layerOfParameter"/>.</summary>
    public static StepReading Decode(MonitoredStep step, IReadOnlyList<string> layers, IReadOnlyList<int> layerOfParameter, IReadOnlyList<string> relus)
    {
        ArgumentNullException.ThrowIfNull(step);
        var p = layerOfParameter.Count;
        var grad = SquaresPerLayer(step.Head, 3, layerOfParameter, layers.Count);
        double[]? update = null, before = null, after = null;
        if (step.Detail is { } d)
        {
            update = SquaresPerLayer(d, 0, layerOfParameter, layers.Count);
            before = SquaresPerLayer(d, p, layerOfParameter, layers.Count);
            after = SquaresPerLayer(d, 2 * p, layerOfParameter, layers.Count);
        }
        var stats = new KeyValuePair<string, LayerStats>[layers.Count];
        for (var l = 0; l < layers.Count; l++)
        {
            double? ratio = update is null ? null : Math.Sqrt(update[l]) / Math.Sqrt(before![l]);
            double? weight = after is null ? null : Math.Sqrt(after[l]);
            stats[l] = new(layers[l], new LayerStats(Math.Sqrt(grad[l]), ratio, weight));
        }
        var dead = step.Detail is { } detail
            ? relus.Select((name, i) => new KeyValuePair<string, double>(name, detail[3 * p + i])).Where(x => !double.IsNaN(x.Value)).ToArray()
            : [];
        return new StepReading(
            Math.Sqrt(grad.Sum()),
            update is null ? null : Math.Sqrt(update.Sum()) / Math.Sqrt(before!.Sum()),
            after is null ? null : Math.Sqrt(after.Sum()),
            stats, dead);
    }

    private static double[] SquaresPerLayer(double[] values, int offset, IReadOnlyList<int> layerOfParameter, int layers)
    {
        var sums = new double[layers];
        for (var i = 0; i < layerOfParameter.Count; i++) sums[layerOfParameter[i]] += values[offset + i] * values[offset + i];
        return sums;
    }
}
