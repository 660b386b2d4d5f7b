namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>A decision of the automatic warmup worth a line in the run's event log.</summary>
public enum WarmupAction
{
    /// <summary>An amber gate: the learning-rate factor stays where it is.</summary>
    Hold,

    /// <summary>A red gate: the factor was cut by the back-off factor.</summary>
    BackOff,

    /// <summary>The target was reached and the gates stayed green long enough: warmup is over.</summary>
    Done,

    /// <summary>The step budget ran out below the target: the factor is frozen where it is.</summary>
    GaveUp,
}
