namespace Ramp.Schedules.Compat.Torch;

/// <summary>One parameter group's learning rate under a PyTorch scheduler: <c>Spec.LrAt(Group, BaseLr, t)</c>.</summary>
/// <param name="Spec">The scheduler.</param>
/// <param name="Group">Zero-based parameter-group index.</param>
/// <param name="BaseLr">The group's learning rate before scheduling (<c>initial_lr</c>).</param>
public sealed record TorchCurve(TorchScheduleSpec Spec, int Group, double BaseLr) : Schedule
{
    /// <inheritdoc />
    public override double ValueAt(long step) => Spec.LrAt(Group, BaseLr, Math.Max(0, step));
}
