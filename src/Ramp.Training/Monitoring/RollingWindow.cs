using Ramp.Schedules;
namespace Ramp.Training.Monitoring;

/// <summary>
/// The last <see cref="Capacity"/> finite values of a signal (loss, gradient norm) with their mean and
/// standard deviation. Non-finite values are never stored, so one NaN cannot poison the statistics
/// (the bug OLMo-core fixed in its skip-step optimizer).
/// </summary>
public sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next;

    /// <summary>An empty window holding at most <paramref name="capacity"/> values.</summary>
    /// <param name="capacity">Window length, at least 2.</param>
    public RollingWindow(int capacity)
    {
        if (capacity < 2)
            throw new RampArgumentException(nameof(capacity), capacity, "window: capacity must be at least 2");
        _values = new double[capacity];
    }

    /// <summary>Maximum number of values kept.</summary>
    public int Capacity => _values.Length;

    /// <summary>Number of values currently kept (at most <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="value"/> when it is finite (dropping the oldest when full); returns whether it was added.</summary>
    public bool Add(double value)
    {
        if (!double.IsFinite(value)) return false;
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        if (Count < _values.Length) Count++;
        return true;
    }

    /// <summary>Mean of the kept values; NaN when empty.</summary>
    public double Mean
    {
        get
        {
            if (Count == 0) return double.NaN;
            var sum = 0.0;
            for (var i = 0; i < Count; i++) sum += _values[i];
            return sum / Count;
        }
    }

    /// <summary>Sample standard deviation (divisor n - 1) of the kept values; NaN with fewer than two.</summary>
    public double StandardDeviation
    {
        get
        {
            if (Count < 2) return double.NaN;
            var mean = Mean;
            var sum = 0.0;
            for (var i = 0; i < Count; i++) sum += (_values[i] - mean) * (_values[i] - mean);
            return Math.Sqrt(sum / (Count - 1));
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> lies more than <paramref name="sigmas"/> standard deviations above the mean,
    /// judged only once the window holds <paramref name="minCount"/> values. A non-finite value is always an outlier.
    /// </summary>
    public bool IsHighOutlier(double value, double sigmas, int minCount)
    {
        if (!double.IsFinite(value)) return true;
        if (Count < Math.Max(2, minCount)) return false;
        return value > Mean + sigmas * StandardDeviation;
    }

    /// <summary>The kept values, oldest first (for checkpoints).</summary>
    public double[] Snapshot()
    {
        var result = new double[Count];
        var start = Count < _values.Length ? 0 : _next;
        for (var i = 0; i < Count; i++) result[i] = _values[(start + i) % _values.Length];
        return result;
    }

    /// <summary>Replaces the contents with <paramref name="values"/> (oldest first), as written by <see cref="Snapshot"/>.</summary>
    public void Restore(IEnumerable<double> values)
    {
        Count = 0;
        _next = 0;
        foreach (var v in values) Add(v);
    }
}
