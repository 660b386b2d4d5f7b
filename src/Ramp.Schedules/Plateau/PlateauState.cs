namespace Ramp.Schedules.Plateau;

/// <summary>
/// Everything a reduce-on-plateau rule remembers between observations. Serialisable (System.Text.Json) so a
/// checkpoint restores it exactly.
/// </summary>
/// <param name="Factors">Per-group multiplier applied on top of the step-driven learning rate (1 at the start).</param>
/// <param name="Best">Best metric seen so far (the mode's worst value, +/- infinity, before the first observation).</param>
/// <param name="BadEpochs">Consecutive observations without improvement.</param>
/// <param name="CooldownLeft">Observations left in the cooldown after a reduction.</param>
/// <param name="Observed">How many metrics have been observed.</param>
/// <param name="PendingSum">Sum of metrics accumulated towards the next averaged observation (optax accumulation).</param>
/// <param name="PendingCount">How many metrics are in <paramref name="PendingSum"/>.</param>
public sealed record PlateauState(
    EquatableArray<double> Factors,
    double Best,
    int BadEpochs,
    int CooldownLeft,
    long Observed,
    double PendingSum = 0,
    int PendingCount = 0);
