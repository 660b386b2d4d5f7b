namespace Ramp.Runs;

/// <summary>
/// One line of <c>events.jsonl</c>: a guard decision, a diagnosis or a schedule decision, with the step it concerns
/// and the reason in plain words.
/// </summary>
/// <param name="Step">Zero-based optimizer step the event concerns.</param>
/// <param name="Kind">What kind of event it is.</param>
/// <param name="Name">
/// Guards: <c>clip</c>, <c>agc</c>, <c>zclip</c>, <c>skip</c>, <c>rollback</c>, <c>rewarm</c>. Diagnoses:
/// <c>explosion</c>, <c>vanishing</c>, <c>nonfinite</c>, <c>dead_relu</c>, <c>stuck_loss</c>. Automatic warmup:
/// <c>hold</c>, <c>back_off</c>, <c>done</c>, <c>gave_up</c>. Schedule: <c>plateau</c>.
/// </param>
/// <param name="Layer">The layer concerned, or null for the whole model.</param>
/// <param name="Message">What happened, in plain words.</param>
/// <param name="Value">The number behind the decision (a norm, a z-score, a ratio), or NaN when none.</param>
public sealed record RunEvent(long Step, EventKind Kind, string Name, string? Layer, string Message, double Value)
{
    /// <summary>Whether this is a guard decision.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsGuard => Kind == EventKind.Guard;
}
