using System.Text.Json;

namespace Ramp.Training.Guards;

/// <summary>
/// One guard of the <see cref="GuardChain"/>. After the backward pass and before the update it looks at the step,
/// may act on the gradients, and returns one <see cref="GuardDecision"/>; every decision that acts becomes a
/// <c>guard</c> line of <c>events.jsonl</c>. A guard keeps its own state and saves it in checkpoints.
/// </summary>
/// <remarks>
/// A device guard (<see cref="OnHost"/> false) never reads a number back: it acts on the device, returns
/// <see cref="GuardDecision.Deferred"/> with a scalar tensor saying what it did, and <see cref="Explain"/> turns that
/// number into its decision when the step's numbers are read back in batches. A host guard reads the loss and the
/// global gradient norm back (one host synchronisation per step, shared by all host guards) and decides at once.
/// </remarks>
public interface IGuard
{
    /// <summary>The guard's name in <c>events.jsonl</c> and in checkpoints (<c>clip</c>, <c>agc</c>, <c>zclip</c>, <c>skip</c>,
    /// <c>rollback</c>).</summary>
    string Name { get; }

    /// <summary>Whether the guard decides on the host at every step (reads the loss and the gradient norm back).</summary>
    bool OnHost { get; }

    /// <summary>Whether the guard needs the global gradient norm on the device (<see cref="GuardStep.GlobalNorm"/>).</summary>
    bool NeedsGlobalNorm { get; }

    /// <summary>Decides for <paramref name="step"/>, acting on its gradients where the guard does.</summary>
    GuardDecision Decide(GuardStep step);

    /// <summary>
    /// A device guard's decision once the value it left on the device (<see cref="GuardDecision.Deferred"/>) is read
    /// back, with the step's global gradient norm before any guard. Host guards are never asked.
    /// </summary>
    GuardDecision Explain(long step, double value, double gradNorm);

    /// <summary>The guard's state for a checkpoint, or null when it keeps none.</summary>
    JsonElement? SaveState();

    /// <summary>
    /// Restores the state saved by <see cref="SaveState"/> (null: start afresh). <paramref name="rollingBack"/> tells a
    /// roll-back to a checkpoint from a resume: the roll-back guard keeps its count of roll-backs across the former.
    /// </summary>
    void RestoreState(JsonElement? state, bool rollingBack);
}
