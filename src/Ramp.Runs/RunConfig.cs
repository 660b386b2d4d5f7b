using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ramp.Runs;

/// <summary>A run's full configuration, written to <c>config.json</c> at the start and embedded in <c>summary.json</c>.</summary>
/// <param name="Model">The model.</param>
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
/// <param name="Guards">The guards in use, as the trainer's guard options serialise (an object per guard that is on);
/// null when not recorded.</param>
/// <param name="Monitor">The monitoring options (read-back interval, per-layer, TensorBoard, detail interval); null when not
/// recorded.</param>
/// <param name="CheckpointEvery">Steps between checkpoints (0 = only at the end).</param>
/// <param name="EvalEvery">Steps between evaluations on the test split (0 = only at the end).</param>
/// <param name="Accumulate">Mini-batches of <paramref name="Batch"/> examples whose gradients are summed (averaged) into
/// one optimizer step; at least 1, default 1.</param>
/// <param name="EvalWindows">Windows of the test split a language model is evaluated on: a fixed, seeded sample of this
/// many (default 2048), so evaluation time and memory do not grow with the corpus; 0 evaluates every window. Image
/// splits are always evaluated whole.</param>
public sealed record RunConfig(
    ModelName Model,
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
    JsonElement? Guards = null,
    JsonElement? Monitor = null,
    int CheckpointEvery = 0,
    int EvalEvery = 0,
    int Accumulate = 1,
    int EvalWindows = RunConfig.DefaultEvalWindows)
{
    /// <summary>The default of <see cref="EvalWindows"/>.</summary>
    public const int DefaultEvalWindows = 2048;

    /// <summary>The case study a comparison ran this run for (<c>case_study</c>); null (not written) for a lone run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CaseStudy { get; init; }

    /// <summary>The comparison's arm (<c>arm</c>, e.g. <c>warmup-174</c>); null for a lone run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Arm { get; init; }

    /// <summary>The comparison cell's peak learning rate (<c>peak_lr</c>); null for a lone run, whose peak is <see cref="Lr"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PeakLr { get; init; }

    /// <summary>For language models in a comparison, the loss a run must end below (<c>unigram_baseline</c>, nats); else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? UnigramBaseline { get; init; }

    /// <summary>
    /// Image data: the mean the pixels (scaled to [0, 1]) were normalised by (<c>input_mean</c>), measured on the
    /// training split: inputs are <c>(pixel / 255 - InputMean) / InputStd</c>. Null (not written) for text, and in runs
    /// recorded before Ramp normalised images, whose inputs were the scaled pixels alone.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? InputMean { get; init; }

    /// <summary>Image data: the standard deviation the pixels were normalised by (<c>input_std</c>); null as <see
    /// cref="InputMean"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? InputStd { get; init; }

    /// <summary>The command that produced the run (<c>command</c>), when the writer recorded it; else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Command { get; init; }

    /// <summary>
    /// More top-level fields written as they are, after the others: <c>ramp compare</c> records the model's and the
    /// optimizer's settings and the data's source here (docs/run-folder.md). Null or empty for a lone run. Values read
    /// back from a file are <see cref="JsonElement"/>s.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, object>? Extra { get; init; }
}
