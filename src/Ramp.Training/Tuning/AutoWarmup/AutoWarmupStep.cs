namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>The result of one observation: the next state and, when something notable happened, the decision.</summary>
/// <param name="State">State for the next step; its <c>Factor</c> scales the next step's learning rate.</param>
/// <param name="Verdict">The gates' combined verdict for the observed step (green once warmup has ended).</param>
/// <param name="Decision">A hold, back-off, done or gave-up record, or null for plain growth and after the end.</param>
public sealed record AutoWarmupStep(AutoWarmupState State, GateVerdict Verdict, WarmupDecision? Decision);
