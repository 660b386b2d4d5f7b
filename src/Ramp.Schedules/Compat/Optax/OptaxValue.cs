namespace Ramp.Schedules.Compat.Optax;

/// <summary>A bound optax schedule: the same absolute value for every group; negative steps count as 0.</summary>
/// <param name="Spec">The optax schedule.</param>
internal sealed record OptaxValue(OptaxSpec Spec) : Schedule
{
    /// <summary>The optax schedule.</summary>
    public OptaxSpec Spec { get; } = Check.NotNull(Spec, nameof(Spec), "optax_value");

    /// <inheritdoc />
    public override double ValueAt(long step) => Spec.ValueAt(Math.Max(0, step));

    /// <inheritdoc />
    public override string ToString() => Spec.ToString();
}
