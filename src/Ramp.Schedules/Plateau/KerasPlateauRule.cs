namespace Ramp.Schedules.Plateau;

/// <summary>
/// Keras' <c>callbacks.ReduceLROnPlateau</c> logic, per epoch end: a running cooldown counts down and clears the wait;
/// an improvement by more than <see cref="MinDelta"/> (absolute) resets the wait; otherwise, outside a cooldown, the
/// wait grows and at <see cref="Patience"/> (the patience-th bad epoch, one earlier than PyTorch) a rate above
/// <see cref="MinLr"/> becomes <c>max(lr * factor, min_lr)</c> and the cooldown starts.
/// </summary>
/// <param name="BaseLrs">Per-group rates the factors multiply.</param>
/// <param name="Mode">Whether lower or higher metrics are better.</param>
/// <param name="Factor">Multiplier per reduction, in [0, 1).</param>
/// <param name="Patience">Bad epochs before a reduction, at least 0.</param>
/// <param name="MinDelta">Minimum absolute change that counts as an improvement.</param>
/// <param name="Cooldown">Epochs after a reduction during which the wait does not grow.</param>
/// <param name="MinLr">Lower bound on the rate (absolute).</param>
public sealed record KerasPlateauRule(
    EquatableArray<double> BaseLrs,
    PlateauMode Mode,
    double Factor,
    long Patience,
    double MinDelta,
    long Cooldown,
    double MinLr) : PlateauRule
{
    /// <inheritdoc />
    public override PlateauState Start(IReadOnlyList<double> baseLrs) =>
        new(Enumerable.Repeat(1.0, BaseLrs.Count).ToArray(), Mode == PlateauMode.Min ? double.PositiveInfinity
            : double.NegativeInfinity, 0, 0, 0);

    /// <inheritdoc />
    public override PlateauState Observe(PlateauState state, double metric)
    {
        ArgumentNullException.ThrowIfNull(state);
        var cooldown = state.CooldownLeft;
        var wait = state.BadEpochs;
        if (cooldown > 0)
        {
            cooldown--;
            wait = 0;
        }
        var best = state.Best;
        var factors = state.Factors;
        var better = Mode == PlateauMode.Min ? metric < best - MinDelta : metric > best + MinDelta;
        if (better)
        {
            best = metric;
            wait = 0;
        }
        else if (cooldown == 0)
        {
            wait++;
            if (wait >= Patience)
            {
                var reduced = factors.ToArray();
                var any = false;
                for (var g = 0; g < reduced.Length; g++)
                {
                    var old = BaseLrs[g] * factors[g];
                    if (!(old > (float)MinLr)) continue;
                    reduced[g] = Math.Max(old * Factor, MinLr) / BaseLrs[g];
                    any = true;
                }
                if (any)
                {
                    factors = reduced;
                    cooldown = (int)Math.Min(Cooldown, int.MaxValue);
                    wait = 0;
                }
            }
        }
        return state with { Factors = factors, Best = best, BadEpochs = wait, CooldownLeft = cooldown, Observed = state.Observed + 1 };
    }
}
