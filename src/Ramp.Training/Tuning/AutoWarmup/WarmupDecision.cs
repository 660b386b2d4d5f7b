namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>One hold, back-off or end-of-warmup decision, for the run's <c>events.jsonl</c>.</summary>
/// <param name="Step">The optimizer step whose signals caused the decision (zero-based).</param>
/// <param name="Action">What was decided.</param>
/// <param name="Gate">The gate behind it (empty for Done and GaveUp).</param>
/// <param name="Reason">One sentence with the measured value and the threshold.</param>
/// <param name="FactorBefore">Learning-rate factor (of the target) used by that step.</param>
/// <param name="FactorAfter">Learning-rate factor for the next step.</param>
public sealed record WarmupDecision(
    long Step,
    WarmupAction Action,
    string Gate,
    string Reason,
    double FactorBefore,
    double FactorAfter);
