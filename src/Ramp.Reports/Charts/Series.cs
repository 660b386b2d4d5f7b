using Ramp.Runs;

namespace Ramp.Reports.Charts;

/// <summary>Turns run rows into plottable arrays, stopping at the first non-finite value (a blow-up ends a curve).</summary>
internal static class Series
{
    /// <summary>(step, value) pairs of <paramref name="select"/> over the rows, up to the first non-finite one.</summary>
    internal static (double[] Xs, double[] Ys, bool Cut) Of(IEnumerable<StepRecord> rows, Func<StepRecord, double> select, Func<double,
        double>? map = null)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var row in rows)
        {
            var v = select(row);
            var y = map is null ? v : map(v);
            if (!double.IsFinite(v) || !double.IsFinite(y)) return (xs.ToArray(), ys.ToArray(), true);
            xs.Add(row.Step);
            ys.Add(y);
        }
        return (xs.ToArray(), ys.ToArray(), false);
    }

    /// <summary>At most about <paramref name="maxPoints"/> evenly spaced points, keeping the last, so long runs draw light SVGs.</summary>
    internal static (double[] Xs, double[] Ys) Thin(double[] xs, double[] ys, int maxPoints = 600)
    {
        if (xs.Length <= maxPoints) return (xs, ys);
        var every = (int)Math.Ceiling(xs.Length / (double)maxPoints);
        var idx = Enumerable.Range(0, xs.Length).Where(i => i % every == 0 || i == xs.Length - 1).ToArray();
        return (idx.Select(i => xs[i]).ToArray(), idx.Select(i => ys[i]).ToArray());
    }
}
