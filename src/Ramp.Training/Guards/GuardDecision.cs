using Ramp.Runs;
using Ramp.Training.Runs;
using static TorchSharp.torch;

namespace Ramp.Training.Guards;

/// <summary>One guard's decision at one step: what it did, why, and the number behind it.</summary>
/// <param name="Guard">The guard's <see cref="IGuard.Name"/>.</param>
/// <param name="Action">What it did.</param>
/// <param name="Reason">Why, in plain words (empty when it did nothing).</param>
/// <param name="Value">The number behind the decision (a norm, a z-score, a count of units), or NaN.</param>
public sealed record GuardDecision(string Guard, GuardAction Action, string Reason, double Value)
{
    /// <summary>Whether the guard acted (the decision is an event).</summary>
    public bool Acted => Action is not (GuardAction.None or GuardAction.Deferred);

    /// <summary>For <see cref="GuardAction.Deferred"/>: the scalar the guard left on the device, read back with the step.</summary>
    public Tensor? DeviceValue { get; init; }

    /// <summary>A decision to do nothing.</summary>
    public static GuardDecision None(string guard) => new(guard, GuardAction.None, "", double.NaN);

    /// <summary>A device guard's decision, to be explained once <paramref name="value"/> is read back.</summary>
    public static GuardDecision Deferred(string guard, Tensor value) =>
        new(guard, GuardAction.Deferred, "", double.NaN) { DeviceValue = value };

    /// <summary>The <c>events.jsonl</c> line of this decision at <paramref name="step"/>.</summary>
    public RunEvent ToEvent(long step) => new(step, EventKind.Guard, Guard, null, Reason, Value);
}
