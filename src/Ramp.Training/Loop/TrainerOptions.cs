using Ramp.Runs;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Loop;

/// <summary>How a <see cref="Trainer"/> runs.</summary>
/// <param name="Config">The configuration recorded in the run folder (its steps, batch, seed and device are used).</param>
/// <param name="OutDir">The run folder.</param>
/// <param name="Resume">Continue from <c>checkpoints/latest.json</c> when it exists.</param>
/// <param name="Progress">Called on the host after each read-back with the rows just read (for progress displays).</param>
public sealed record TrainerOptions(
    RunConfig Config,
    string OutDir,
    bool Resume = false,
    Action<IReadOnlyList<StepRecord>>? Progress = null)
{
    /// <summary>Test hooks (fault injection, simulated crash); tests set them, users cannot.</summary>
    internal TrainingHooks Hooks { get; init; } = TrainingHooks.None;

    /// <summary>The guards in use; none by default. Recorded in <c>config.json</c>'s <c>guards</c>.</summary>
    public GuardOptions Guards { get; init; } = GuardOptions.None;

    /// <summary>The monitoring options; the defaults of <see cref="MonitorOptions"/> by default. Recorded in <c>config.json</c>'s
    /// <c>monitor</c>.</summary>
    public MonitorOptions Monitor { get; init; } = new();

    /// <summary>
    /// Where to pause, or null to train to <see cref="RunConfig.Steps"/>: the run stops after this many steps with a
    /// checkpoint at that step and a <c>running</c> summary, as if killed just after a checkpoint, so resuming it
    /// continues exactly (successive halving's rungs). At or above the run's steps it changes nothing.
    /// </summary>
    public long? PauseAt { get; init; }

    /// <summary>Steps between checkpoints: the configured interval, or the roll-back guard's, or only at the end.</summary>
    public int CheckpointEvery => Config.CheckpointEvery > 0 ? Config.CheckpointEvery : Guards.Rollback?.CheckpointEvery ?? 0;

    /// <summary>The configuration as the run folder records it: <see cref="Config"/> with the guards and monitoring options in
    /// use.</summary>
    public RunConfig RecordedConfig() => Config with { Guards = RunJson.ToElement(Guards), Monitor = RunJson.ToElement(Monitor) };
}
