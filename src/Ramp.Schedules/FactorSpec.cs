namespace Ramp.Schedules;

/// <summary>
/// Ramp's native form: a factor schedule that multiplies each group's base learning rate,
/// <c>lr_g(t) = base_g * Factor.ValueAt(t)</c>.
/// </summary>
/// <param name="Factor">The schedule of factors (1 = the base learning rate).</param>
public sealed record FactorSpec(Schedule Factor) : ScheduleSpec
{
    /// <summary>The schedule of factors (1 = the base learning rate).</summary>
    public Schedule Factor { get; } = Check.NotNull(Factor, nameof(Factor), "factor_spec");

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs) =>
        new(baseLrs.Select(b => (Schedule)new Scaled(b, Factor)).ToArray());

    /// <summary>Prints the native text of <see cref="Factor"/>.</summary>
    public override string ToString() => Factor.ToString();
}
