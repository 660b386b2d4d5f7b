namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// Drives one LR range test: tells the loop which learning rate to use next, records each loss, and says when
/// to stop. The loop asks <see cref="NextLr"/>, trains one mini-batch at it, passes the loss to
/// <see cref="Record"/>, and goes on while <see cref="Record"/> returns true.
/// </summary>
/// <remarks>
/// Stop rules, checked after each recorded loss: (1) the raw or smoothed loss is not finite
/// (<see cref="RangeStopReason.NonFinite"/>); (2) the smoothed loss exceeds <c>DivergenceFactor</c> times the
/// best smoothed loss so far (<see cref="RangeStopReason.Diverged"/>; only judged while the best is &gt; 0, since
/// a ratio to a zero or negative loss says nothing); (3) all planned iterations ran
/// (<see cref="RangeStopReason.Completed"/>). Deterministic; not thread-safe (one recorder per test).
/// </remarks>
public sealed class RangeTestRecorder
{
    private readonly List<RangeTestPoint> _points = [];
    private LossSmoother _smoother;
    private double _best = double.PositiveInfinity;

    /// <summary>Starts a test that follows <paramref name="plan"/>.</summary>
    public RangeTestRecorder(RangeTestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _smoother = new LossSmoother(plan.SmoothingBeta);
    }

    /// <summary>The plan being followed.</summary>
    public RangeTestPlan Plan { get; }

    /// <summary>Why the test ended, or <see cref="RangeStopReason.Running"/>.</summary>
    public RangeStopReason StopReason { get; private set; } = RangeStopReason.Running;

    /// <summary>True once a stop rule fired or the plan ran out.</summary>
    public bool IsFinished => StopReason != RangeStopReason.Running;

    /// <summary>The learning rate for the next iteration.</summary>
    /// <exception cref="InvalidOperationException">The test has finished.</exception>
    public double NextLr => IsFinished
        ? throw new InvalidOperationException($"range test: finished ({StopReason}); no next learning rate")
        : Plan.LrAt(_points.Count);

    /// <summary>
    /// Records the raw loss of the iteration that used <see cref="NextLr"/>; returns true while the test should
    /// go on.
    /// </summary>
    /// <exception cref="InvalidOperationException">The test has already finished.</exception>
    public bool Record(double loss)
    {
        var lr = NextLr;
        _smoother = _smoother.Add(loss);
        var smoothed = _smoother.Value;
        _points.Add(new RangeTestPoint(_points.Count, lr, loss, smoothed));
        if (!double.IsFinite(loss) || !double.IsFinite(smoothed))
            StopReason = RangeStopReason.NonFinite;
        else
        {
            if (smoothed < _best) _best = smoothed;
            if (_best > 0 && smoothed > Plan.DivergenceFactor * _best)
                StopReason = RangeStopReason.Diverged;
            else if (_points.Count == Plan.Iterations)
                StopReason = RangeStopReason.Completed;
        }
        return !IsFinished;
    }

    /// <summary>The points recorded so far, as a result (its stop reason may still be Running).</summary>
    public RangeTestResult ToResult() => new(Plan, _points.ToArray(), StopReason);
}
