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
/// <param name="Holds">Holds so far (amber gates, and red gates during a cooldown).</param>
/// <param name="HeldBy">Holds and back-offs per gate; null until the first.</param>
/// <param name="EndedAt">The step whose signals ended warmup (done or gave up), or null while warming.</param>
/// <param name="HighestGreen">The largest factor at which a step was judged with every gate green (0 before the first).</param>
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
    double FastLoss,
    int Holds = 0,
    GateTally? HeldBy = null,
    long? EndedAt = null,
    double HighestGreen = 0)
{
    /// <summary>Holds and back-offs per gate (empty before the first).</summary>
    public GateTally Tally => HeldBy ?? new GateTally();
}
