using Ramp.Runs;
namespace Ramp.Training.Monitoring;

/// <summary>
/// Host-side arithmetic of the monitor: sums per-parameter norms into layers (squares add), forms the ratios and
/// names the dead-unit fractions. Kept apart from <see cref="StepMonitor"/> so the device side stays a few calls.
/// </summary>
internal static class StepDecoding
{
    /// <summary>Decodes <paramref name="step"/> for parameters belonging to <paramref name="layerOfParameter"/>.</summary>
    public static StepReading Decode(MonitoredStep step, IReadOnlyList<string> layers, IReadOnlyList<int> layerOfParameter,
        IReadOnlyList<string> relus)
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
            double? angle = update is null ? null : Angle(Math.Sqrt(before![l]), Math.Sqrt(after![l]), Math.Sqrt(update[l]));
            stats[l] = new(layers[l], new LayerStats(Math.Sqrt(grad[l]), ratio, weight) { AngularUpdate = angle });
        }
        var dead = step.Detail is { } detail
            ? relus.Select((name, i) => new KeyValuePair<string, double>(name, detail[3 * p + i]))
                .Where(x => !double.IsNaN(x.Value)).ToArray()
            : [];
        return new StepReading(
            Math.Sqrt(grad.Sum()),
            update is null ? null : Math.Sqrt(update.Sum()) / Math.Sqrt(before!.Sum()),
            after is null ? null : Math.Sqrt(after.Sum()),
            stats, dead);
    }

    /// <summary>
    /// The angle in radians between two vectors of norms <paramref name="before"/> and <paramref name="after"/> whose
    /// difference has norm <paramref name="update"/>: the triangle's angle opposite the update side, by Kahan's
    /// formula for needle-like triangles (the law of cosines in <c>acos</c> form loses every digit of an angle of 1e-4
    /// and below, the usual size of one step's rotation). Null when either vector is zero (no direction).
    /// </summary>
    /// <remarks>
    /// With <c>a &gt;= b</c> the two norms and <c>c</c> the update: <c>mu = c - (a - b)</c> when <c>b &gt;= c</c>, else
    /// <c>b - (a - c)</c>; angle <c>= 2 atan(sqrt(((a - b) + c) mu / ((a + (b + c)) ((a - c) + b))))</c>. Norms that
    /// rounding left just outside a triangle give 0 or pi, not NaN.
    /// </remarks>
    public static double? Angle(double before, double after, double update)
    {
        if (!(before > 0) || !(after > 0) || !(update >= 0)) return null;
        var (a, b) = before >= after ? (before, after) : (after, before);
        var c = update;
        var mu = b >= c ? c - (a - b) : b - (a - c);
        var numerator = ((a - b) + c) * Math.Max(0, mu);
        var denominator = (a + (b + c)) * ((a - c) + b);
        return denominator <= 0 ? Math.PI : 2 * Math.Atan(Math.Sqrt(numerator / denominator));
    }

    private static double[] SquaresPerLayer(double[] values, int offset, IReadOnlyList<int> layerOfParameter, int layers)
    {
        var sums = new double[layers];
        for (var i = 0; i < layerOfParameter.Count; i++) sums[layerOfParameter[i]] += values[offset + i] * values[offset + i];
        return sums;
    }
}
