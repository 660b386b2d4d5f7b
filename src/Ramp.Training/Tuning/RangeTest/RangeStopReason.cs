namespace Ramp.Training.Tuning.RangeTest;

/// <summary>Why an LR range test ended.</summary>
public enum RangeStopReason
{
    /// <summary>Still running: fewer points than the plan's iterations and no stop rule fired.</summary>
    Running,

    /// <summary>All planned iterations ran without divergence.</summary>
    Completed,

    /// <summary>The smoothed loss exceeded <c>DivergenceFactor</c> times the best smoothed loss.</summary>
    Diverged,

    /// <summary>The loss (or its smoothed value) was NaN or infinite.</summary>
    NonFinite,
}
