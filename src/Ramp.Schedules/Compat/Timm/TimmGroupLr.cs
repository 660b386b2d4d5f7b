namespace Ramp.Schedules.Compat.Timm;

/// <summary>One parameter group of a bound timm scheduler.</summary>
/// <param name="Spec">The scheduler.</param>
/// <param name="Base">The group's <c>initial_lr</c>.</param>
internal sealed record TimmGroupLr(TimmSpec Spec, double Base) : Schedule
{
    /// <summary>The scheduler.</summary>
    public TimmSpec Spec { get; } = Check.NotNull(Spec, nameof(Spec), "timm_group_lr");

    /// <summary>The group's <c>initial_lr</c>.</summary>
    public double Base { get; } = Check.Finite(Base, nameof(Base), "timm_group_lr");

    /// <inheritdoc />
    public override double ValueAt(long step) => Spec.LrAt(Base, step);
}
