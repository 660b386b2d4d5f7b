namespace Ramp.Schedules.Compat.Optax;

/// <summary>
/// optax <c>piecewise_interpolate_schedule</c>: with bounds (0, b₁, …, bₙ) and the accumulated values
/// v₀ = init, vᵢ = vᵢ₋₁·sᵢ, a count in [bᵢ, bᵢ₊₁) interpolates vᵢ → vᵢ₊₁ with pct = (count − bᵢ)/max(bᵢ₊₁ − bᵢ, 1);
/// from bₙ on the value is vₙ. It interpolates between accumulated values, not between the raw scales.
/// </summary>
/// <remarks>A negative count lies in no interval and gives 0, as in optax.</remarks>
/// <param name="InterpolateType">Linear or cosine.</param>
/// <param name="InitValue">v₀.</param>
/// <param name="Boundaries">Steps, ascending.</param>
/// <param name="Scales">Non-negative multipliers, one per boundary.</param>
public sealed record OptaxPiecewiseInterpolate(
    OptaxInterpolation InterpolateType, double InitValue, EquatableArray<long> Boundaries, EquatableArray<double> Scales) : OptaxSpec
{
    /// <summary>Linear or cosine.</summary>
    public OptaxInterpolation InterpolateType { get; } = Check.Defined(InterpolateType, nameof(InterpolateType),
        "optax_piecewise_interpolate");

    /// <summary>v₀.</summary>
    public double InitValue { get; } = Check.Finite(InitValue, nameof(InitValue), "optax_piecewise_interpolate");

    /// <summary>Non-negative multipliers, one per boundary.</summary>
    public EquatableArray<double> Scales { get; } = Check.FiniteList(Scales, nameof(Scales), "optax_piecewise_interpolate");

    /// <summary>Steps, ascending.</summary>
    public EquatableArray<long> Boundaries { get; } = CheckBoundaries(Boundaries, Scales, "piecewise_interpolate_schedule");

    /// <inheritdoc />
    public override double ValueAt(long count)
    {
        var result = 0.0;
        long lower = 0;
        var start = InitValue;
        for (var i = 0; i < Boundaries.Count; i++)
        {
            var upper = Boundaries[i];
            var end = start * Scales[i];
            if (lower <= count && count < upper)
            {
                var pct = (double)(count - lower) / Math.Max(upper - lower, 1);
                result += InterpolateType == OptaxInterpolation.Linear
                    ? (end - start) * pct + start
                    : end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1);
            }
            lower = upper;
            start = end;
        }
        return lower <= count ? result + start : result;
    }

    /// <inheritdoc />
    protected override string PythonCall() =>
        $"optax.piecewise_interpolate_schedule(interpolate_type='{(InterpolateType == OptaxInterpolation.Linear ? "linear" : "cosine")}', "
        + $"init_value={Num(InitValue)}, boundaries_and_scales={Dict(Boundaries, Scales)})";
}
