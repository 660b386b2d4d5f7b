using System.Text.Json;
using Ramp.Training.Binding;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Checkpoints;

/// <summary>
/// <c>checkpoints/checkpoint-&lt;step&gt;.json</c> and its copy <c>checkpoints/latest.json</c>: everything besides the
/// tensors that a resumed run needs to continue exactly, and the tensor files' lengths and checksums.
/// </summary>
/// <param name="Step">Optimizer steps completed; the next step to run. Rows with <c>step &gt;= Step</c> are dropped on resume.</param>
/// <param name="Epoch">Epoch of the next batch.</param>
/// <param name="BatchInEpoch">Index of the next batch within its epoch (the data position).</param>
/// <param name="ModelFile">Model weights file name, relative to <c>checkpoints/</c>.</param>
/// <param name="OptimizerFile">Optimizer state file name, relative to <c>checkpoints/</c>.</param>
/// <param name="RngFile">Torch random-generator state file name, relative to <c>checkpoints/</c>.</param>
/// <param name="Binder">The schedule binder's state (applied steps, plateau state, roll-back overlay, automatic-warmup
/// factor and origin); null in checkpoints written before the binder was checkpointed (the binder then starts at <c>Step</c>).</param>
/// <param name="Guards">Each guard's state under its name (<c>zclip</c>: the EMA estimates; <c>skip</c>: the loss and
/// gradient-norm windows; <c>rollback</c>: the learning-rate changes made by roll-backs); guards without state are absent.</param>
/// <param name="InitialLoss">Loss of the run's first step (NaN before any).</param>
/// <param name="WallSeconds">Training seconds spent before this checkpoint.</param>
/// <param name="AutoWarmup">The automatic warmup controller's state, or null when the schedule is not <c>auto(...)</c>.</param>
/// <param name="Files">Length and SHA-256 of the three tensor files, checked before any of them reaches libtorch;
/// null in checkpoints written before they were recorded.</param>
public sealed record CheckpointInfo(
    long Step,
    long Epoch,
    long BatchInEpoch,
    string ModelFile,
    string OptimizerFile,
    string RngFile,
    BinderState? Binder,
    IReadOnlyDictionary<string, JsonElement>? Guards,
    double InitialLoss,
    double WallSeconds,
    AutoWarmupState? AutoWarmup = null,
    IReadOnlyList<CheckpointFile>? Files = null);
