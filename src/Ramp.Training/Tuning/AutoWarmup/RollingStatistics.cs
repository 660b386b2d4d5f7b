namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// Median and median absolute deviation (MAD) of the last few values of a signal, the robust statistics of
/// Hampel's outlier filter. Non-finite values are ignored (a single NaN must not poison the statistics, the
/// OLMo-core skip-step lesson). Immutable and serialisable.
/// </summary>
/// <remarks>
/// Why a window and not an exponential average: warmup begins with a transient (the deep MLP's loss falls from 20
/// to 2 and its gradient norm from 150 to 1 in the first 30 steps). An EMA of the variance (ZClip's, alpha 0.97)
/// remembered it: 50 steps later its standard deviation of the gradient norm was still 20 against a level near 1,
/// so 14x and 40x gradient spikes scored z below 1.5 and the run blew up unseen. The window forgets the transient
/// once it has left the window, and the median and MAD ignore a spike inside it, so no clipping is needed.
/// </remarks>
/// <param name="Values">The last values, oldest first (at most the window size given to <see cref="Add"/>).</param>
/// <param name="Count">Number of finite values taken in since the start.</param>
public sealed record RollingStatistics(double[] Values, long Count)
{
    /// <summary>MAD times this estimates the standard deviation of a normal distribution (1 / Phi^-1(3/4)).</summary>
    public const double NormalConsistency = 1.4826;

    /// <summary>Empty statistics.</summary>
    public RollingStatistics() : this([], 0) { }

    /// <summary>The statistics after one more value (the oldest leaves once <paramref name="window"/> are held);
    /// non-finite values leave them unchanged.</summary>
    /// <param name="x">The value.</param>
    /// <param name="window">Values held, &gt;= 1.</param>
    public RollingStatistics Add(double x, int window)
    {
        if (!double.IsFinite(x)) return this;
        var keep = Math.Min(Values.Length, window - 1);
        var values = new double[keep + 1];
        Array.Copy(Values, Values.Length - keep, values, 0, keep);
        values[keep] = x;
        return new RollingStatistics(values, Count + 1);
    }

    /// <summary>The median of the window (0 when empty).</summary>
    public double Median => MedianOf(Values);

    /// <summary>
    /// The robust standard deviation <c>1.4826 * median(|x_i - median|)</c>, floored at 1e-12 * max(1, |median|)
    /// so a perfectly flat signal does not divide by zero.
    /// </summary>
    public double Scale
    {
        get
        {
            var median = Median;
            var mad = MedianOf(Values.Select(v => Math.Abs(v - median)).ToArray());
            return Math.Max(NormalConsistency * mad, 1e-12 * Math.Max(1, Math.Abs(median)));
        }
    }

    /// <summary><c>(x - Median) / Scale</c>, or null while fewer than <paramref name="minSamples"/> values are held.</summary>
    public double? ZScore(double x, int minSamples) => Values.Length < minSamples ? null : (x - Median) / Scale;

    /// <summary>Equal when the held values and the count are equal.</summary>
    public bool Equals(RollingStatistics? other) =>
        other is not null && Count == other.Count && Values.AsSpan().SequenceEqual(other.Values);

    /// <summary>A hash of the count and the held values.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Count);
        foreach (var v in Values) hash.Add(v);
        return hash.ToHashCode();
    }

    private static double MedianOf(double[] values)
    {
        if (values.Length == 0) return 0;
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
