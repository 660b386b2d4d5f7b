namespace Ramp.Schedules.Plateau;

/// <summary>
/// PyTorch's <c>ReduceLROnPlateau</c> logic (also behind transformers' <c>get_reduce_on_plateau_schedule</c> and timm's
/// <c>PlateauLRScheduler</c>). Per observation: an improvement resets the bad count, otherwise it grows; during a
/// cooldown the count is held at 0; when the count exceeds <see cref="Patience"/> (the (patience+1)-th bad epoch)
/// every group's rate becomes <c>max(lr * factor, min_lr)</c>, applied only when it falls by more than
/// <see cref="Eps"/>, and the cooldown starts.
/// </summary>
/// <param name="BaseLrs">Per-group rates the factors multiply (the step-driven rate once any warmup is over).</param>
/// <param name="Mode">Whether lower or higher metrics are better.</param>
/// <param name="Factor">Multiplier per reduction, in [0, 1).</param>
/// <param name="Patience">Bad epochs tolerated before a reduction, at least 0.</param>
/// <param name="Threshold">Minimum significant change, at least 0.</param>
/// <param name="ThresholdMode">Relative or absolute threshold.</param>
/// <param name="Cooldown">Observations after a reduction during which bad epochs are not counted, at least 0.</param>
/// <param name="MinLr">Per-group lower bound on the rate (absolute).</param>
/// <param name="Eps">A reduction smaller than this is skipped.</param>
/// <param name="SkipObservations">The first observations that are ignored (timm's warmup epochs); 0 for PyTorch.</param>
public sealed record TorchPlateauRule(
    EquatableArray<double> BaseLrs,
    PlateauMode Mode,
    double Factor,
    long Patience,
    double Threshold,
    ThresholdMode ThresholdMode,
    long Cooldown,
    EquatableArray<double> MinLr,
    double Eps,
    long SkipObservations = 0) : PlateauRule
{
    /// <inheritdoc />
    public override PlateauState Start(IReadOnlyList<double> baseLrs) =>
        new(Enumerable.Repeat(1.0, BaseLrs.Count).ToArray(), Mode == PlateauMode.Min ? double.PositiveInfinity
            : double.NegativeInfinity, 0, 0, 0);

    /// <inheritdoc />
    public override PlateauState Observe(PlateauState state, double metric)
    {
        ArgumentNullException.ThrowIfNull(state);
        var observed = state.Observed + 1;
        if (state.Observed < SkipObservations) return state with { Observed = observed };
        var better = IsBetter(metric, state.Best);
        var best = better ? metric : state.Best;
        var bad = better ? 0 : state.BadEpochs + 1;
        var cooldown = state.CooldownLeft;
        if (cooldown > 0)
        {
            cooldown--;
            bad = 0;
        }
        var factors = state.Factors;
        if (bad > Patience)
        {
            var reduced = new double[factors.Count];
            for (var g = 0; g < reduced.Length; g++)
            {
                var old = BaseLrs[g] * factors[g];
                var next = Math.Max(old * Factor, MinLr.Count == 1 ? MinLr[0] : MinLr[g]);
                reduced[g] = old - next > Eps ? next / BaseLrs[g] : factors[g];
            }
            factors = reduced;
            cooldown = (int)Math.Min(Cooldown, int.MaxValue);
            bad = 0;
        }
        return state with { Factors = factors, Best = best, BadEpochs = bad, CooldownLeft = cooldown, Observed = observed };
    }

    private bool IsBetter(double metric, double best) => (Mode, ThresholdMode) switch
    {
        (PlateauMode.Min, ThresholdMode.Rel) => metric < best * (1 - Threshold),
        (PlateauMode.Min, _) => metric < best - Threshold,
        (_, ThresholdMode.Rel) => metric > best * (Threshold + 1),
        _ => metric > best + Threshold,
    };
}
