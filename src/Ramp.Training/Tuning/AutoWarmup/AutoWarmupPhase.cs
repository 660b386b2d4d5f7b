namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>Where an automatic warmup stands.</summary>
public enum AutoWarmupPhase
{
    /// <summary>Raising, holding or backing off the learning rate under the gates.</summary>
    Warming,

    /// <summary>Warmup finished at the target: the factor is 1 from now on.</summary>
    Done,

    /// <summary>The step budget ran out below the target: the factor stays frozen.</summary>
    GaveUp,
}
