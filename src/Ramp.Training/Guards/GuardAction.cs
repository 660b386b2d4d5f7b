namespace Ramp.Training.Guards;

/// <summary>What a guard did at a step (<see cref="GuardDecision.Action"/>).</summary>
public enum GuardAction
{
    /// <summary>Nothing: the step passes.</summary>
    None,

    /// <summary>Decided on the device; the decision is known when the step's numbers are read back (<see
    /// cref="IGuard.Explain"/>).</summary>
    Deferred,

    /// <summary>Gradients were rescaled (clipping by norm, AGC, ZClip).</summary>
    Clip,

    /// <summary>The update was skipped.</summary>
    Skip,

    /// <summary>The run goes back to its last checkpoint with a lower learning rate.</summary>
    RollBack,

    /// <summary>The run cannot go on: it has diverged.</summary>
    Stop,
}
