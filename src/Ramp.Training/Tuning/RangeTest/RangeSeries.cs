using Ramp.Schedules;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// The part of a range test that the suggestion rules look at: learning rates (strictly increasing, &gt; 0) and
/// their smoothed losses (finite).
/// </summary>
/// <remarks>
/// <see cref="From"/> trims like fastai: it drops the first <c>Iterations / 10</c> points (the smoother is still
/// settling and the learning rate is far too small to matter), drops the last 5 points (the blow-up that stopped
/// the test), and cuts the series at the first non-finite smoothed loss. What remains may be empty; the rules
/// then answer "no suggestion" rather than guess.
/// </remarks>
public sealed record RangeSeries
{
    /// <summary>Builds a series from raw arrays (for tests and for series recorded elsewhere).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a learning rate is not finite and &gt; 0, learning rates
    /// do not strictly increase, or a loss is not finite.</exception>
    public RangeSeries(IReadOnlyList<double> lrs, IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentNullException.ThrowIfNull(losses);
        if (lrs.Count != losses.Count)
            throw RampArgumentException.For($"range series: {lrs.Count} learning rates but {losses.Count} losses", nameof(losses));
        for (var i = 0; i < lrs.Count; i++)
        {
            if (!(lrs[i] > 0) || !double.IsFinite(lrs[i]))
                throw RampArgumentException.For($"range series: learning rate {i} must be finite and > 0 but was {lrs[i]}", nameof(lrs));
            if (i > 0 && !(lrs[i] > lrs[i - 1]))
                throw RampArgumentException.For($"range series: learning rates must strictly increase but lr[{i}] = {lrs[i]} " +
                    $"<= lr[{i - 1}] = {lrs[i - 1]}", nameof(lrs));
            if (!double.IsFinite(losses[i]))
                throw RampArgumentException.For($"range series: loss {i} must be finite but was {losses[i]}", nameof(losses));
        }
        Lrs = lrs.ToArray();
        Losses = losses.ToArray();
    }

    /// <summary>Learning rates, strictly increasing.</summary>
    public EquatableArray<double> Lrs { get; }

    /// <summary>Smoothed losses, finite, one per learning rate.</summary>
    public EquatableArray<double> Losses { get; }

    /// <summary>Number of points.</summary>
    public int Count => Lrs.Count;

    /// <summary>
    /// The trimmed series of a range test: skip <paramref name="skipStart"/> points at the start (default
    /// <c>Plan.Iterations / 10</c>) and <paramref name="skipEnd"/> at the end (default 5), then cut at the first
    /// non-finite smoothed loss.
    /// </summary>
    public static RangeSeries From(RangeTestResult result, int? skipStart = null, int skipEnd = 5)
    {
        ArgumentNullException.ThrowIfNull(result);
        var start = skipStart ?? result.Plan.Iterations / 10;
        if (start < 0)
            throw new RampArgumentException(nameof(skipStart), start, $"range series: skip start must be >= 0 but was {start}");
        if (skipEnd < 0)
            throw new RampArgumentException(nameof(skipEnd), skipEnd, $"range series: skip end must be >= 0 but was {skipEnd}");
        var lrs = new List<double>();
        var losses = new List<double>();
        for (var i = start; i < result.Points.Count - skipEnd; i++)
        {
            var p = result.Points[i];
            if (!double.IsFinite(p.SmoothedLoss)) break;
            lrs.Add(p.Lr);
            losses.Add(p.SmoothedLoss);
        }
        return new RangeSeries(lrs, losses);
    }

    /// <summary>
    /// The raw losses of a range test smoothed without lag: the plan's EMA run forwards, then backwards over the
    /// result (both bias-corrected), up to the first non-finite loss, nothing trimmed. A one-sided EMA lags by about
    /// <c>beta / (1 - beta)</c> points, which on an exponential ramp moves every feature of the curve to a larger
    /// learning rate (9 points at beta 0.9, a factor 2 on the default ramp); the backward pass cancels that shift.
    /// The blow-up at the end is kept: it is what <see cref="EdgeRule"/> looks for.
    /// </summary>
    public static RangeSeries ZeroLag(RangeTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lrs = new List<double>();
        var forward = new List<double>();
        var smoother = new LossSmoother(result.Plan.SmoothingBeta);
        foreach (var p in result.Points)
        {
            if (!double.IsFinite(p.Loss)) break;
            smoother = smoother.Add(p.Loss);
            lrs.Add(p.Lr);
            forward.Add(smoother.Value);
        }
        var both = new double[forward.Count];
        smoother = new LossSmoother(result.Plan.SmoothingBeta);
        for (var i = forward.Count - 1; i >= 0; i--)
        {
            smoother = smoother.Add(forward[i]);
            both[i] = smoother.Value;
        }
        return new RangeSeries(lrs, both);
    }
}
