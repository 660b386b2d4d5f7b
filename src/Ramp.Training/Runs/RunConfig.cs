using System.Text.Json.Serialization;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Runs;

/// <summary>A run's full configuration, written to <c>config.json</c> at the start and embedded in <c>summary.json</c>.</summary>
/// <param name="Model">Model name (<c>mlp</c>, <c>cnn</c>, <c>deep-mlp</c>, <c>transformer</c>).</param>
/// <param name="Data">Data set name (<c>fashion-mnist</c>, <c>text</c>).</param>
/// <param name="DataDir">Folder the data was read from, or null for the default.</param>
/// <param name="Optimizer">Optimizer name (<c>sgd</c>, <c>adam</c>, <c>adamw</c>, <c>rmsprop</c>, <c>radam</c>).</param>
/// <param name="Lr">Base learning rate given to the optimizer (the schedule's peak for factor schedules).</param>
/// <param name="Schedule">Schedule spec text, exactly as given.</param>
/// <param name="Steps">Optimizer steps of the run.</param>
/// <param name="Epochs">Epochs when the length was given in epochs, else null.</param>
/// <param name="Batch">Examples per optimizer step.</param>
/// <param name="Seed">Seed of the initialisation, the data order and dropout.</param>
/// <param name="Device"><c>cpu</c> or <c>cuda</c>.</param>
/// <param name="Guards">The guards in use.</param>
/// <param name="Monitor">Monitoring options.</param>
/// <param name="CheckpointEvery">Steps between checkpoints (0 = only at the end).</param>
/// <param name="EvalEvery">Steps between evaluations on the test split (0 = only at the end).</param>
/// <param name="Accumulate">Mini-batches of <paramref name="Batch"/> examples whose gradients are summed (averaged) into
/// one optimizer step; at least 1, default 1.</param>
/// <param name="EvalWindows">Windows of the test split a language model is evaluated on: a fixed, seeded sample of this
/// many (default 2048), so evaluation time and memory do not grow with the corpus; 0 evaluates every window. Image
/// splits are always evaluated whole.</param>
public sealed record RunConfig(
    string Model,
    string Data,
    string? DataDir,
    string Optimizer,
    double Lr,
    string Schedule,
    long Steps,
    double? Epochs,
    int Batch,
    int Seed,
    string Device,
    GuardOptions Guards,
    MonitorOptions Monitor,
    int CheckpointEvery,
    int EvalEvery,
    int Accumulate = 1,
    int EvalWindows = RunConfig.DefaultEvalWindows)
{
    /// <summary>
    /// More top-level fields written as they are, after the others: <c>ramp compare</c> puts a cell's grid
    /// coordinates here (<c>case_study</c>, <c>arm</c>, <c>peak_lr</c>, <c>unigram_baseline</c>, ...; docs/run-folder.md).
    /// Null or empty for a lone run.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, object>? Extra { get; init; }

    /// <summary>The default of <see cref="EvalWindows"/>.</summary>
    public const int DefaultEvalWindows = 2048;
}
