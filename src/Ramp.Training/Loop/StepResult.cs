using Ramp.Training.Data;
using Ramp.Training.Guards;

namespace Ramp.Training.Loop;

/// <summary>What <see cref="StepExecutor.Run"/> returns.</summary>
/// <param name="Outcome">How the step ended.</param>
/// <param name="Next">The data position after the step's batches.</param>
/// <param name="Decisions">Every guard's decision, in chain order.</param>
/// <param name="Row">The step's row so far, when it counts (applied or skipped); null otherwise.</param>
internal sealed record StepResult(StepOutcome Outcome, DataPosition Next, GuardDecision[] Decisions, PendingRow? Row)
{
    /// <summary>The decision that rolled back or stopped the step.</summary>
    public GuardDecision Halt => Decisions.First(d => d.Action is GuardAction.RollBack or GuardAction.Stop);
}
