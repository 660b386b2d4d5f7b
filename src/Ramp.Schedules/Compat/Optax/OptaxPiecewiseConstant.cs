namespace Ramp.Schedules.Compat.Optax;

/// <summary>
/// optax <c>piecewise_constant_schedule</c>: init_value times the product of every scale whose boundary b satisfies
/// count ≥ b (the scale applies at count == b).
/// </summary>
/// <param name="InitValue">The value before the first boundary.</param>
/// <param name="Boundaries">Steps, ascending.</param>
/// <param name="Scales">Non-negative multipliers, one per boundary.</param>
public sealed record OptaxPiecewiseConstant(double InitValue, EquatableArray<long> Boundaries, EquatableArray<double> Scales) : OptaxSpec
{
    /// <summary>The value before the first boundary.</summary>
    public double InitValue { get; } = Check.Finite(InitValue, nameof(InitValue), "optax_piecewise_constant");

    /// <summary>Non-negative multipliers, one per boundary.</summary>
    public EquatableArray<double> Scales { get; } = Check.FiniteList(Scales, nameof(Scales), "optax_piecewise_constant");

    /// <summary>Steps, ascending.</summary>
    public EquatableArray<long> Boundaries { get; } = CheckBoundaries(Boundaries, Scales, "piecewise_constant_schedule");

    /// <inheritdoc />
    public override double ValueAt(long count)
    {
        var v = InitValue;
        for (var i = 0; i < Boundaries.Count; i++)
        {
            if (count >= Boundaries[i]) v = Scales[i] * v;
        }
        return v;
    }

    /// <inheritdoc />
    protected override string PythonCall() =>
        $"optax.piecewise_constant_schedule(init_value={Num(InitValue)}, boundaries_and_scales={Dict(Boundaries, Scales)})";
}
