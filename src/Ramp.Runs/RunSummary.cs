namespace Ramp.Runs;

/// <summary><c>summary.json</c>: how the run went, written at the end and rewritten at each checkpoint.</summary>
/// <param name="Config">The run's configuration.</param>
/// <param name="Status"><c>running</c>, <c>finished</c> or <c>diverged</c>; <c>diverged</c> exactly when
/// <paramref name="Diverged"/> is true (both come from <see cref="Divergence"/>).</param>
/// <param name="Steps">Optimizer steps completed.</param>
/// <param name="WallSeconds">Wall-clock seconds spent training (summed over resumes).</param>
/// <param name="InitialLoss">Loss of the first step.</param>
/// <param name="Final">Final training and evaluation numbers.</param>
/// <param name="Diverged">Whether the run diverged, by the one rule of <see cref="Divergence"/>.</param>
/// <param name="DivergedAt">First step of the divergence, or null.</param>
/// <param name="Diagnosis">The findings of the diagnosis rules.</param>
/// <param name="GuardEvents">Every guard decision (the <c>guard</c> lines of <c>events.jsonl</c>).</param>
/// <param name="ScheduleEvents">The automatic warmup's decisions and the plateau rule's reductions (the
/// <c>auto_warmup</c> and <c>schedule</c> lines of <c>events.jsonl</c>); empty when there were none.</param>
/// <param name="AutoWarmup">For a run with <c>auto(...)</c>: what the warmup did (reached the peak or not, the rate it
/// sustained, the gates that held it, a suggested peak when held far below, one plain sentence); null otherwise.</param>
public sealed record RunSummary(
    RunConfig Config,
    RunStatus Status,
    long Steps,
    double WallSeconds,
    double InitialLoss,
    FinalMetrics Final,
    bool Diverged,
    long? DivergedAt,
    IReadOnlyList<Finding> Diagnosis,
    IReadOnlyList<RunEvent> GuardEvents,
    IReadOnlyList<RunEvent>? ScheduleEvents = null,
    AutoWarmupOutcome? AutoWarmup = null)
{
    /// <summary>Whether the run has ended (<c>finished</c> or <c>diverged</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Ended => Status != RunStatus.Running;
}
