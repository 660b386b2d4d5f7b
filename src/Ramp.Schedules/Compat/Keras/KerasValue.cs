namespace Ramp.Schedules.Compat.Keras;

/// <summary>A bound Keras schedule: the same absolute value for every group; negative steps count as 0.</summary>
/// <param name="Spec">The Keras schedule.</param>
internal sealed record KerasValue(KerasSpec Spec) : Schedule
{
    /// <summary>The Keras schedule.</summary>
    public KerasSpec Spec { get; } = Check.NotNull(Spec, nameof(Spec), "keras_value");

    /// <inheritdoc />
    public override double ValueAt(long step) => Spec.ValueAt(Math.Max(0, step));

    /// <inheritdoc />
    public override string ToString() => Spec.ToString();
}
