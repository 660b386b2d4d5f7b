namespace Ramp.Training.Loop;

/// <summary>How an attempted optimizer step ended (<see cref="StepExecutor.Run"/>).</summary>
internal enum StepOutcome
{
    /// <summary>The update was applied; the step counts and the schedule advances.</summary>
    Applied,

    /// <summary>A guard skipped the update; the step counts (its row says skipped), the schedule does not advance.</summary>
    Skipped,

    /// <summary>A guard asked for a roll-back: the loop returns to its last checkpoint; the step does not count.</summary>
    RolledBack,

    /// <summary>A guard stopped the run as diverged; the step does not count.</summary>
    Stopped,
}
