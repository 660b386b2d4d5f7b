using Ramp.Runs;

namespace Ramp.Reports.Measures;

/// <summary>
/// The number of optimizer steps a run takes until its smoothed training metric (a trailing mean over
/// <c>window</c> rows) reaches the target. A run that never reaches it, or blows up first, gives null
/// ("not reached"), which medians treat as +infinity.
/// </summary>
public static class StepsToTarget
{
    /// <summary>Steps (the reaching row's step + 1) until the target is reached, or null.</summary>
    public static long? Of(Run run, MetricKind kind, double target, int window)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        foreach (var (step, value) in Smoothed(run, kind, window))
        {
            if (!double.IsFinite(value)) return null;
            if (FinalMetric.Reaches(kind, value, target)) return step + 1;
        }
        return null;
    }

    /// <summary>The last smoothed training value of the run (NaN when it has no row or ended non-finite).</summary>
    public static double LastSmoothed(Run run, MetricKind kind, int window)
    {
        var last = double.NaN;
        foreach (var (_, value) in Smoothed(run, kind, window)) last = value;
        return last;
    }

    /// <summary>The median of steps where null means "not reached" (+infinity); null when that median is not reached.</summary>
    public static double? Median(IEnumerable<long?> steps)
    {
        var sorted = steps.Select(s => s is { } v ? (double)v : double.PositiveInfinity).Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return double.IsFinite(median) ? median : null;
    }

    private static IEnumerable<(long Step, double Value)> Smoothed(Run run, MetricKind kind, int window)
    {
        var ring = new Queue<double>(window);
        foreach (var row in run.Metrics)
        {
            if (row.Skipped) continue;
            if (!double.IsFinite(row.Loss)) { yield return (row.Step, double.NaN); yield break; }
            var value = kind == MetricKind.Accuracy ? row.Accuracy ?? double.NaN : row.Loss;
            if (double.IsNaN(value)) continue;
            ring.Enqueue(value);
            if (ring.Count > window) ring.Dequeue();
            // Summed afresh each row: a running sum drifts, and a target met exactly must count as met.
            yield return (row.Step, ring.Sum() / ring.Count);
        }
    }
}
