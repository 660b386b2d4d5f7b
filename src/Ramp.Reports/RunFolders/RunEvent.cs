namespace Ramp.Reports.RunFolders;

/// <summary>One line of <c>events.jsonl</c>: a diagnosis or a guard decision.</summary>
/// <param name="Step">The optimizer step it concerns.</param>
/// <param name="Kind"><c>guard</c> or <c>diagnosis</c>.</param>
/// <param name="Name">e.g. <c>clip</c>, <c>skip</c>, <c>rollback</c>, <c>rewarm</c>, <c>explosion</c>.</param>
/// <param name="Layer">The layer it concerns, or null for the whole model.</param>
/// <param name="Message">The writer's plain-words explanation.</param>
/// <param name="Value">The measured value that triggered it (NaN when none).</param>
public sealed record RunEvent(long Step, string Kind, string Name, string? Layer, string Message, double Value)
{
    /// <summary>Whether this is a guard decision (as opposed to a diagnosis).</summary>
    public bool IsGuard => Kind == "guard";
}
