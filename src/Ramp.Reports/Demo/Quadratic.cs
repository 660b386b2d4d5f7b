using Ramp.Schedules;

namespace Ramp.Reports.Demo;

/// <summary>
/// A diagonal quadratic f(x) = 1/2 * sum_i c_i x_i^2 and plain gradient descent on it:
/// x_i &lt;- (1 - lr(t) * c_i) x_i. The largest curvature L = max c_i sets the stability limit lr &lt; 2 / L.
/// </summary>
/// <param name="Name">What the demo calls it, e.g. <c>f(x) = x^2</c>.</param>
/// <param name="Curvatures">The c_i, all positive.</param>
/// <param name="Start">The starting point, one coordinate per curvature.</param>
public sealed record Quadratic(string Name, double[] Curvatures, double[] Start)
{
    /// <summary>Losses above this count as blown up: the run stops there.</summary>
    public const double Ceiling = 1e12;

    /// <summary>The largest curvature L.</summary>
    public double L => Curvatures.Max();

    /// <summary>The stability limit 2 / L of constant-step gradient descent.</summary>
    public double Limit => 2 / L;

    /// <summary>f at <paramref name="x"/>.</summary>
    public double Loss(double[] x) => 0.5 * Curvatures.Select((c, i) => c * x[i] * x[i]).Sum();

    /// <summary>
    /// Runs <paramref name="steps"/> steps of gradient descent with learning rate <c>schedule.ValueAt(t)</c>;
    /// returns the loss before each step and after the last (steps + 1 values, fewer when it blew up) and the
    /// first coordinate's path.
    /// </summary>
    public (double[] Loss, double[] X0) Descend(Schedule schedule, int steps)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var x = (double[])Start.Clone();
        var loss = new List<double> { Loss(x) };
        var x0 = new List<double> { x[0] };
        for (var t = 0; t < steps; t++)
        {
            var lr = schedule.ValueAt(t);
            for (var i = 0; i < x.Length; i++) x[i] *= 1 - lr * Curvatures[i];
            var f = Loss(x);
            loss.Add(f);
            x0.Add(x[0]);
            if (!(f < Ceiling)) break;
        }
        return (loss.ToArray(), x0.ToArray());
    }

    /// <summary>
    /// The regime of a constant learning rate, from the stiffest direction's factor r = 1 - lr * L:
    /// <c>divergent</c> when |r| &gt; 1, <c>on the edge</c> when |r| = 1, <c>oscillating</c> when r &lt; 0,
    /// <c>slow</c> when the flattest direction's factor is at least 0.9, otherwise <c>fast</c>.
    /// </summary>
    public string Regime(double lr)
    {
        var r = 1 - lr * L;
        var slowest = 1 - lr * Curvatures.Min();
        return Math.Abs(r) > 1 + 1e-12 ? "divergent"
            : Math.Abs(Math.Abs(r) - 1) <= 1e-12 ? "on the edge"
            : r < 0 ? "oscillating"
            : Math.Abs(slowest) >= 0.9 ? "slow"
            : "fast";
    }
}
