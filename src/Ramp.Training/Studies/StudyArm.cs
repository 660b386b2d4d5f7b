namespace Ramp.Training.Studies;

/// <summary>
/// One arm of a comparison: a schedule template (see <see cref="ScheduleTemplate"/>: <c>{steps}</c>, <c>{epoch}</c>
/// and integer arithmetic in braces), optionally another optimizer or the spike guards.
/// </summary>
/// <param name="Name">The arm's name, a template too (<c>warmup-{epoch}</c>); <c>none</c> marks the no-warmup reference.</param>
/// <param name="Schedule">Schedule text template, native or a peer's call, as factors of the peak learning rate.</param>
/// <param name="Optimizer">Another optimizer name for this arm (e.g. <c>radam</c>), or null for the grid's.</param>
/// <param name="Guards">Guards for this arm: <c>zclip</c>, <c>skip</c> (skip-step), <c>clip</c> (norm 1).</param>
/// <param name="Optional">
/// When the schedule does not parse in this build (e.g. <c>auto(...)</c> before automatic warmup is wired), the
/// arm is skipped with a note instead of failing the grid.
/// </param>
public sealed record StudyArm(string Name, string Schedule, string? Optimizer = null, IReadOnlyList<string>? Guards = null, bool Optional = false)
{
    /// <summary>The guard names an arm may list.</summary>
    public static readonly IReadOnlyList<string> GuardNames = ["zclip", "skip", "clip"];
}
