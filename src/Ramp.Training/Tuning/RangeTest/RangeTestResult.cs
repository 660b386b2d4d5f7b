using Ramp.Schedules;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>The recorded (learning rate, loss) series of an LR range test and why it ended.</summary>
/// <param name="Plan">The plan that was followed.</param>
/// <param name="Points">One point per iteration that ran, in order.</param>
/// <param name="StopReason">Why the test ended.</param>
public sealed record RangeTestResult(RangeTestPlan Plan, EquatableArray<RangeTestPoint> Points, RangeStopReason StopReason)
{
    /// <summary>
    /// The learning rate at which the test stopped for divergence or a non-finite loss; null when it ran to the
    /// end (the ramp never found the edge, so the edge lies above <c>Plan.EndLr</c>) or is still running.
    /// </summary>
    public double? DivergenceLr => StopReason is RangeStopReason.Diverged or RangeStopReason.NonFinite && Points.Count > 0
        ? Points[Points.Count - 1].Lr
        : null;

    /// <summary>
    /// The highest learning rate the ramp reached with a finite, not-yet-diverged loss: the point before the
    /// divergence point, or the last point when the test completed; null when no such point exists.
    /// </summary>
    public double? LastStableLr
    {
        get
        {
            var n = DivergenceLr is null ? Points.Count : Points.Count - 1;
            return n > 0 ? Points[n - 1].Lr : null;
        }
    }
}
