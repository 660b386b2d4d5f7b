namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>The combined verdict of the warmup gates for one step: the worst gate, and why.</summary>
/// <param name="Level">The worst level among the gates.</param>
/// <param name="Gate">Name of the gate that set the level (<c>non-finite</c>, <c>update-ratio</c>,
/// <c>catapult</c>, <c>loss-z</c>, <c>grad-norm-z</c>), or empty when all are green.</param>
/// <param name="Reason">One sentence with the measured value and the threshold, or empty when green.</param>
public sealed record GateVerdict(GateLevel Level, string Gate, string Reason)
{
    /// <summary>All gates green.</summary>
    public static GateVerdict Green { get; } = new(GateLevel.Green, "", "");
}
