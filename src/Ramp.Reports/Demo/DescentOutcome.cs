namespace Ramp.Reports.Demo;

/// <summary>
/// What one gradient-descent run of the demo did, measured on the simulation: over the chart's window and, for a
/// run past the limit, how far beyond it until the loss is back above where it started.
/// </summary>
/// <param name="Lr">The peak learning rate.</param>
/// <param name="Warmup">Linear-warmup steps to the peak (0: constant).</param>
/// <param name="Window">Steps the chart shows.</param>
/// <param name="Start">The loss before the first step.</param>
/// <param name="Min">The lowest loss within the window.</param>
/// <param name="MinStep">The step of <paramref name="Min"/>.</param>
/// <param name="End">The loss after the window's last step; +infinity when the run blew up (passed <see cref="Quadratic.Ceiling"/>)
/// first.</param>
/// <param name="Rising">Whether the loss rose over the window's last step.</param>
/// <param name="AboveStartAt">The first step after which the loss is above <paramref name="Start"/>, searched up to <see cref="Horizon"/>;
/// null when it never is.</param>
/// <param name="Growth">Per-step factor of the stiffest direction at the peak, |1 − lr·L|.</param>
public sealed record DescentOutcome(
    double Lr, int Warmup, int Window, double Start, double Min, int MinStep, double End, bool Rising, int? AboveStartAt, double Growth)
{
    /// <summary>How far past the window a blow-up is searched for.</summary>
    public const int Horizon = 100_000;

    /// <summary>Runs <paramref name="q"/> at <paramref name="lr"/> with <paramref name="warmup"/> steps of warmup and measures
    /// it.</summary>
    public static DescentOutcome Of(Quadratic q, double lr, int warmup, int window)
    {
        ArgumentNullException.ThrowIfNull(q);
        var (loss, _) = q.Descend(QuadraticDemo.Schedule(lr, warmup), Horizon);
        var shown = loss.Take(window + 1).ToArray();
        var minStep = Array.IndexOf(shown, shown.Min());
        var end = loss.Length > window ? loss[window] : double.PositiveInfinity;
        int? above = null;
        for (var t = 1; t < loss.Length; t++)
            if (loss[t] > loss[0]) { above = t; break; }
        var rising = loss.Length > window ? loss[window] > loss[window - 1] : true;
        return new DescentOutcome(lr, warmup, window, loss[0], shown[minStep], minStep, end, rising, above, Math.Abs(1 - lr * q.L));
    }
}
