using Ramp.Training.Guards;
using Ramp.Training.Monitoring;
using Ramp.Training.Runs;

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

    /// <summary>The guards in use.</summary>
    public GuardOptions Guards => Config.Guards;

    /// <summary>The monitoring options.</summary>
    public MonitorOptions Monitor => Config.Monitor;

    /// <summary>Steps between checkpoints: the configured interval, or the roll-back guard's, or only at the end.</summary>
    public int CheckpointEvery => Config.CheckpointEvery > 0 ? Config.CheckpointEvery : Guards.Rollback?.CheckpointEvery ?? 0;
}
