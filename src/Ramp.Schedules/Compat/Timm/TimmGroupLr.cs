namespace Ramp.Schedules.Compat.Timm;

/// <summary>One parameter group of a bound timm scheduler.</summary>
/// <param name="Spec">The scheduler.</param>
/// <param name="Base">The group's <c>initial_lr</c>.</param>
internal sealed record TimmGroupLr(TimmSpec Spec, double Base) : Schedule
{
    /// <inheritdoc />
    public override double ValueAt(long step) => Spec.LrAt(Base, step);
}
