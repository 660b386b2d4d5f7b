namespace Ramp.Training.Runs;

/// <summary>
/// One line of <c>events.jsonl</c>: a guard decision or a diagnosis, with the step it concerns and the reason
/// in plain words.
/// </summary>
/// <param name="Step">Zero-based optimizer step the event concerns.</param>
/// <param name="Kind"><c>guard</c>, <c>diagnosis</c>, <c>auto_warmup</c> (the automatic warmup's decisions) or
/// <c>schedule</c> (a plateau rule's reductions).</param>
/// <param name="Name">
/// Guards: <c>clip</c>, <c>agc</c>, <c>zclip</c>, <c>skip</c>, <c>rollback</c>, <c>rewarm</c>. Diagnoses:
/// <c>explosion</c>, <c>vanishing</c>, <c>nonfinite</c>, <c>dead_relu</c>, <c>stuck_loss</c>.
/// </param>
/// <param name="Layer">The layer concerned, or null for the whole model.</param>
/// <param name="Message">What happened, in plain words.</param>
/// <param name="Value">The number behind the decision (a norm, a z-score, a ratio), or NaN when none.</param>
public sealed record RunEvent(long Step, string Kind, string Name, string? Layer, string Message, double Value)
{
    /// <summary>The <see cref="Kind"/> of guard decisions.</summary>
    public const string Guard = "guard";

    /// <summary>The <see cref="Kind"/> of diagnoses.</summary>
    public const string Diagnosis = "diagnosis";

    /// <summary>The <see cref="Kind"/> of the automatic warmup's decisions (names <c>hold</c>, <c>back_off</c>, <c>done</c>, <c>gave_up</c>).</summary>
    public const string AutoWarmup = "auto_warmup";

    /// <summary>The <see cref="Kind"/> of schedule changes driven by a metric (name <c>plateau</c>).</summary>
    public const string Schedule = "schedule";
}
