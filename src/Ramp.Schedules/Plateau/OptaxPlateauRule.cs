namespace Ramp.Schedules.Plateau;

/// <summary>
/// optax's <c>contrib.reduce_on_plateau</c> logic (min mode only). Metrics are averaged over
/// <see cref="AccumulationSize"/> observations; the average improves when it is below
/// <c>(1 - rtol) * best - atol</c>. During a cooldown the plateau count is held at 0; otherwise, on the patience-th
/// bad evaluation, the scale becomes <c>max(scale * factor, min_scale)</c>. The scale multiplies every group's rate.
/// </summary>
/// <param name="Factor">Multiplier per reduction, in (0, 1).</param>
/// <param name="Patience">Bad evaluations before a reduction, at least 1.</param>
/// <param name="Rtol">Relative tolerance, in [0, 1].</param>
/// <param name="Atol">Absolute tolerance, at least 0 (rtol and atol not both 0).</param>
/// <param name="Cooldown">Evaluations after a reduction during which nothing counts.</param>
/// <param name="AccumulationSize">Observations averaged into one evaluation, at least 1.</param>
/// <param name="MinScale">Lower bound on the scale.</param>
public sealed record OptaxPlateauRule(
    double Factor,
    long Patience,
    double Rtol,
    double Atol,
    long Cooldown,
    long AccumulationSize,
    double MinScale) : PlateauRule
{
    /// <inheritdoc />
    public override PlateauState Start(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        return new PlateauState(Enumerable.Repeat(1.0, baseLrs.Count).ToArray(), double.PositiveInfinity, 0, 0, 0);
    }

    /// <inheritdoc />
    public override PlateauState Observe(PlateauState state, double metric)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sum = state.PendingSum + metric;
        var count = state.PendingCount + 1;
        if (count < AccumulationSize)
        {
            return state with { PendingSum = sum, PendingCount = count, Observed = state.Observed + 1 };
        }
        var average = sum / count;
        var improved = average < (1 - Rtol) * state.Best - Atol;
        var best = improved ? average : state.Best;
        var plateau = improved ? 0 : state.BadEpochs + 1;
        var scale = state.Factors.Count > 0 ? state.Factors[0] : 1.0;
        int cooldown;
        if (state.CooldownLeft > 0)
        {
            plateau = 0;
            cooldown = state.CooldownLeft - 1;
        }
        else
        {
            var reduce = plateau == Patience;
            scale = Math.Max(reduce ? scale * Factor : scale, MinScale);
            cooldown = reduce ? (int)Math.Min(Cooldown, int.MaxValue) : 0;
            if (reduce) plateau = 0;
        }
        return new PlateauState(Enumerable.Repeat(scale, state.Factors.Count).ToArray(), best, plateau, cooldown, state.Observed + 1);
    }
}
