namespace Ramp.Schedules.Plateau;

/// <summary>A constant rate, the step-driven part of a plain reduce-on-plateau schedule: <c>lr(t) = Lr</c>.</summary>
/// <param name="Lr">The rate.</param>
public sealed record BaseRate(double Lr) : Schedule
{
    /// <inheritdoc />
    public override double ValueAt(long step) => Lr;
}
