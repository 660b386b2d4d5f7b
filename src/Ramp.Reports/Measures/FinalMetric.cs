using Ramp.Runs;

namespace Ramp.Reports.Measures;

/// <summary>The metric a run is judged by at its end, and how to compare two values of it.</summary>
public static class FinalMetric
{
    /// <summary>Accuracy when any run logs a finite accuracy (training or evaluation), otherwise loss.</summary>
    public static MetricKind KindFor(IEnumerable<Run> runs) =>
        runs.Any(r => r.Summary is { } s && (double.IsFinite(s.Final.EvalAccuracy ?? double.NaN)
            || double.IsFinite(s.Final.Accuracy ?? double.NaN))
                      || r.Metrics.Any(m => double.IsFinite(m.Accuracy ?? double.NaN)))
            ? MetricKind.Accuracy : MetricKind.Loss;

    /// <summary>
    /// The run's final metric: the evaluation value when the summary has one, else the final training value,
    /// else the last row's. NaN when none is known.
    /// </summary>
    public static double Of(Run run, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(run);
        var s = run.Summary;
        var (eval, train) = kind == MetricKind.Accuracy
            ? (s?.Final.EvalAccuracy ?? double.NaN, s?.Final.Accuracy ?? double.NaN)
            : (s?.Final.EvalLoss ?? double.NaN, s?.Final.Loss ?? double.NaN);
        if (!double.IsNaN(eval)) return eval;
        if (!double.IsNaN(train)) return train;
        var last = run.Metrics.LastOrDefault();
        return last is null ? double.NaN : kind == MetricKind.Accuracy ? last.Accuracy ?? double.NaN : last.Loss;
    }

    /// <summary>
    /// The final metric for averaging over seeds, with failures capped so one blow-up cannot swamp a mean:
    /// a loss is min(final, baseline) and a non-finite loss counts as the baseline (Wortsman et al.'s
    /// capping); a non-finite accuracy counts as 0.
    /// </summary>
    public static double Capped(Run run, MetricKind kind)
    {
        var value = Of(run, kind);
        if (kind == MetricKind.Accuracy) return double.IsFinite(value) ? value : 0;
        var baseline = Divergence.Evidence(run).Baseline;
        if (!double.IsFinite(value)) return baseline;
        return double.IsFinite(baseline) ? Math.Min(value, baseline) : value;
    }

    /// <summary>Whether <paramref name="a"/> is strictly better than <paramref name="b"/>; NaN is never better.</summary>
    public static bool Better(MetricKind kind, double a, double b) =>
        !double.IsNaN(a) && (double.IsNaN(b) || (kind == MetricKind.Accuracy ? a > b : a < b));

    /// <summary>Whether <paramref name="value"/> has reached <paramref name="target"/>.</summary>
    public static bool Reaches(MetricKind kind, double value, double target) =>
        kind == MetricKind.Accuracy ? value >= target : value <= target;
}
