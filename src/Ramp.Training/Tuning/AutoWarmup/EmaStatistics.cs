namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// Exponentially weighted mean and variance of a signal that ignores non-finite values (a single NaN must not
/// poison the statistics, the OLMo-core skip-step lesson).
/// </summary>
/// <remarks>
/// The first <c>minSamples</c> values build a plain mean and variance (ZClip's start-up, which avoids an EMA
/// that starts at 0); after that <c>mean' = a*mean + (1-a)*x</c> and <c>var' = a*(var + (1-a)*(x - mean)^2)</c>.
/// A z-score is only given once <c>minSamples</c> values were seen. Immutable and serialisable.
/// </remarks>
/// <param name="Mean">Current mean (0 before any value).</param>
/// <param name="Variance">Current variance (0 before two values).</param>
/// <param name="Count">Number of finite values taken in.</param>
public sealed record EmaStatistics(double Mean = 0, double Variance = 0, long Count = 0)
{
    /// <summary>The statistics after one more value; non-finite values leave them unchanged.</summary>
    /// <param name="x">The value.</param>
    /// <param name="alpha">Weight of the old mean, in [0, 1).</param>
    /// <param name="minSamples">Values averaged plainly before the EMA takes over, &gt;= 1.</param>
    public EmaStatistics Add(double x, double alpha, int minSamples)
    {
        if (!double.IsFinite(x)) return this;
        if (Count < minSamples)
        {
            // Welford's update of the plain mean and (population) variance.
            var n = Count + 1;
            var delta = x - Mean;
            var mean = Mean + delta / n;
            var variance = (Variance * Count + delta * (x - mean)) / n;
            return new EmaStatistics(mean, variance, n);
        }
        var d = x - Mean;
        return new EmaStatistics(alpha * Mean + (1 - alpha) * x, alpha * (Variance + (1 - alpha) * d * d), Count + 1);
    }

    /// <summary>
    /// <c>(x - Mean) / sd</c>, or null while fewer than <paramref name="minSamples"/> values were seen. The standard
    /// deviation is floored at 1e-12 * max(1, |Mean|) so a perfectly flat signal does not divide by zero.
    /// </summary>
    public double? ZScore(double x, int minSamples)
    {
        if (Count < minSamples) return null;
        var sd = Math.Max(Math.Sqrt(Variance), 1e-12 * Math.Max(1, Math.Abs(Mean)));
        return (x - Mean) / sd;
    }

    /// <summary>The standard deviation, <c>sqrt(Variance)</c>.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);
}
