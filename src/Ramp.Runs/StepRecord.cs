namespace Ramp.Runs;

/// <summary>
/// Everything monitored about one optimizer step: one row of <c>metrics.csv</c> and one line of <c>metrics.jsonl</c>.
/// Read back from <c>metrics.csv</c> (older folders), the fields the CSV lacks are empty: no layers, no dead units.
/// </summary>
/// <param name="Step">Zero-based optimizer step whose update the record describes.</param>
/// <param name="Epoch">Zero-based epoch the batch came from.</param>
/// <param name="Loss">Training-batch loss (nats), before the update.</param>
/// <param name="Accuracy">Training-batch accuracy in [0, 1]; null for language models.</param>
/// <param name="Lrs">Learning rate of each parameter group used by this step.</param>
/// <param name="Momentum">Momentum (or beta1) of group 0 when the schedule drives it; otherwise null.</param>
/// <param name="GradNorm">Global L2 norm of all gradients before any guard.</param>
/// <param name="UpdateRatio">Global ||Δw|| / ||w|| of the update; null on steps that are not detail steps.</param>
/// <param name="WeightNorm">Global L2 norm of the parameters after the update; null on steps that are not detail steps.</param>
/// <param name="NonFinite">Whether the loss or any gradient was NaN or infinite.</param>
/// <param name="Clipped">Whether a clipping guard (norm clip, AGC, ZClip) rescaled gradients.</param>
/// <param name="Skipped">Whether the update was skipped by a guard.</param>
/// <param name="WallMs">Host wall-clock milliseconds spent on the step.</param>
/// <param name="Layers">Per-layer numbers, in model order; empty when per-layer monitoring is off.</param>
/// <param name="ScheduleStep">Applied optimizer steps before this one (the schedule binder's step; skipped updates do
/// not count), or null when not recorded.</param>
/// <param name="DeadUnits">Fraction of dead units per ReLU module on detail steps (empty or null otherwise).</param>
public sealed record StepRecord(
    long Step,
    long Epoch,
    double Loss,
    double? Accuracy,
    IReadOnlyList<double> Lrs,
    double? Momentum,
    double GradNorm,
    double? UpdateRatio,
    double? WeightNorm,
    bool NonFinite,
    bool Clipped,
    bool Skipped,
    double WallMs,
    IReadOnlyList<KeyValuePair<string, LayerStats>> Layers,
    long? ScheduleStep = null,
    IReadOnlyList<KeyValuePair<string, double>>? DeadUnits = null)
{
    /// <summary>
    /// The optimizer's own scalars at this step, by name (<c>prodigy_d</c>: Prodigy's estimate d;
    /// <c>schedule_free_weight</c>: Schedule-Free's averaging weight c_t), at the monitor's precision; null for an
    /// optimizer without any. Columns of <c>metrics.csv</c> and the <c>optimizer</c> object of <c>metrics.jsonl</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, double>>? Optimizer { get; init; }

    /// <summary>The first group's learning rate, NaN when none was logged.</summary>
    public double Lr => Lrs.Count > 0 ? Lrs[0] : double.NaN;

    /// <summary>Whether the loss or a gradient was not finite at this step (the flag, or the loss itself when a reader lacks the
    /// flag).</summary>
    public bool IsNonFinite => NonFinite || !double.IsFinite(Loss);

    /// <summary>Whether this step blew up: it was non-finite and its update was applied (no guard skipped it).</summary>
    public bool BlewUp => IsNonFinite && !Skipped;
}
