namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// Everything an automatic warmup remembers between steps. Serialisable with System.Text.Json (all numbers are
/// finite), so a checkpoint restores the controller exactly.
/// </summary>
/// <param name="Step">Observations so far = the zero-based step that will use <paramref name="Factor"/>.</param>
/// <param name="Factor">Learning-rate factor of the target for step <paramref name="Step"/>, in (0, 1].</param>
/// <param name="Phase">Warming, done, or gave up.</param>
/// <param name="Growth">Current per-step growth ratio (each back-off halves its excess over 1).</param>
/// <param name="GreenStreak">Consecutive green steps at the target.</param>
/// <param name="CooldownLeft">Steps left to hold after a back-off.</param>
/// <param name="BackOffs">Back-offs so far.</param>
/// <param name="LossStats">Recent losses (median and MAD).</param>
/// <param name="GradNormStats">Statistics of the global gradient norm.</param>
/// <param name="FastLoss">Fast EMA of the loss, for the catapult gate (0 before the first finite loss).</param>
public sealed record AutoWarmupState(
    long Step,
    double Factor,
    AutoWarmupPhase Phase,
    double Growth,
    int GreenStreak,
    int CooldownLeft,
    int BackOffs,
    RollingStatistics LossStats,
    RollingStatistics GradNormStats,
    double FastLoss);
