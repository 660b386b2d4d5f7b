namespace Ramp.Training.Studies;

/// <summary>
/// One arm of a comparison: a schedule template (see <see cref="ScheduleTemplate"/>: <c>{steps}</c>, <c>{epoch}</c>
/// and integer arithmetic in braces), optionally its own optimizer (with GI-Adam and a learning-rate scale) or the
/// spike guards.
/// </summary>
/// <param name="Name">The arm's name, a template too (<c>warmup-{epoch}</c>); <c>none</c> marks the no-warmup reference.</param>
/// <param name="Schedule">Schedule text template, native or a peer's call, as factors of the peak learning rate.</param>
/// <param name="Optimizer">
/// Another optimizer for this arm (one of <see cref="OptimizerSettings.Names"/>, e.g. <c>radam</c>,
/// <c>schedule-free-adamw</c>, <c>prodigy</c>), or null for the grid's; it keeps the grid's momentum, betas, epsilon
/// and weight decay.
/// </param>
/// <param name="Guards">Guards for this arm: <c>zclip</c>, <c>skip</c> (skip-step), <c>clip</c> (norm 1).</param>
/// <param name="Optional">
/// When the schedule does not parse in this build (e.g. <c>auto(...)</c> before automatic warmup is wired), the
/// arm is skipped with a note instead of failing the grid.
/// </param>
/// <param name="GradientInit">
/// GI-Adam: the arm's optimizer (adam or adamw) starts its second moment from the first gradient's square.
/// </param>
/// <param name="LrScale">
/// The optimizer's learning rate is the peak times this factor, finite and &gt; 0 (default 1): it puts an optimizer
/// whose rate means something else on the grid's peak axis (schedule-free-sgd on an SGD-with-momentum grid: 1/(1 -
/// momentum); prodigy, whose rate is a factor on its own estimate: 1 / the smallest peak). The report still files
/// the run under the peak.
/// </param>
public sealed record StudyArm(
    string Name, string Schedule, string? Optimizer = null, IReadOnlyList<string>? Guards = null, bool Optional = false,
    bool GradientInit = false, double LrScale = 1)
{
    /// <summary>The guard names an arm may list.</summary>
    public static readonly IReadOnlyList<string> GuardNames = ["zclip", "skip", "clip"];
}
