using Ramp.Schedules.Plateau;

namespace Ramp.Schedules.Evaluation;

/// <summary>
/// The learning rates (and momenta) a bound schedule gives over steps 0..N-1, following the peers' loop order:
/// the rate of step t is read, the optimizer steps, then the metric observed after step t (if any) is fed to the
/// plateau rule. This is the protocol of the reference file and of <c>ramp lr</c>.
/// </summary>
/// <param name="Lr">Rows of per-group learning rates: <c>Lr[t][g]</c>.</param>
/// <param name="Momentum">Rows of per-group momenta, or null when the schedule does not drive momentum.</param>
public sealed record LrTable(double[][] Lr, double[][]? Momentum)
{
    /// <summary>Evaluates <paramref name="set"/> for <paramref name="steps"/> steps.</summary>
    /// <param name="set">The bound schedule.</param>
    /// <param name="steps">Number of rows, at least 0.</param>
    /// <param name="baseLrs">The groups' base learning rates (needed to start a plateau rule).</param>
    /// <param name="metrics">Metric observed after step t, for plateau rules; may be shorter than <paramref name="steps"/>
    /// (no observation after the metrics run out) and is ignored without a plateau rule.</param>
    public static LrTable Compute(ScheduleSet set, long steps, IReadOnlyList<double> baseLrs, IReadOnlyList<double>? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, int.MaxValue);
        var state = set.Plateau?.Start(baseLrs);
        var lr = new double[steps][];
        var momentum = set.Momentum is null ? null : new double[steps][];
        for (var t = 0L; t < steps; t++)
        {
            lr[t] = new double[set.Groups];
            for (var g = 0; g < set.Groups; g++) lr[t][g] = set.LrAt(g, t, state);
            if (momentum is not null)
            {
                momentum[t] = new double[set.Groups];
                for (var g = 0; g < set.Groups; g++) momentum[t][g] = set.MomentumAt(g, t)!.Value;
            }
            if (state is not null && set.Plateau is { } rule && metrics is not null && t < metrics.Count)
            {
                state = rule.Observe(state, metrics[(int)t]);
            }
        }
        return new LrTable(lr, momentum);
    }
}
