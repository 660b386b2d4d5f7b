namespace Ramp.Schedules.Compat.Torch;

/// <summary>One parameter group's learning rate under a PyTorch scheduler: <c>Spec.LrAt(Group, BaseLr, t)</c>.</summary>
/// <param name="Spec">The scheduler.</param>
/// <param name="Group">Zero-based parameter-group index.</param>
/// <param name="BaseLr">The group's learning rate before scheduling (<c>initial_lr</c>).</param>
public sealed record TorchCurve(TorchScheduleSpec Spec, int Group, double BaseLr) : Schedule
{
    /// <summary>The scheduler.</summary>
    public TorchScheduleSpec Spec { get; } = Check.NotNull(Spec, nameof(Spec), "torch_curve");

    /// <summary>Zero-based parameter-group index.</summary>
    public int Group { get; } = Group;

    /// <summary>The group's learning rate before scheduling (<c>initial_lr</c>).</summary>
    public double BaseLr { get; } = Check.Finite(BaseLr, nameof(BaseLr), "torch_curve");

    /// <inheritdoc />
    public override double ValueAt(long step) => Spec.LrAt(Group, BaseLr, Math.Max(0, step));
}
