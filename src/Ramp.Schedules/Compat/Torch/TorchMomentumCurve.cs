namespace Ramp.Schedules.Compat.Torch;

/// <summary>One parameter group's momentum (or beta1) under a momentum-cycling PyTorch scheduler.</summary>
/// <param name="Spec">The scheduler (<see cref="OneCycleLR"/> or <see cref="CyclicLR"/>).</param>
/// <param name="Group">Zero-based parameter-group index.</param>
public sealed record TorchMomentumCurve(TorchScheduleSpec Spec, int Group) : Schedule
{
    /// <summary>The scheduler (<see cref="OneCycleLR"/> or <see cref="CyclicLR"/>).</summary>
    public TorchScheduleSpec Spec { get; } = Check.NotNull(Spec, nameof(Spec), "torch_momentum_curve");

    /// <summary>Zero-based parameter-group index.</summary>
    public int Group { get; } = Group;

    /// <inheritdoc />
    public override double ValueAt(long step) => Spec.MomentumAt(Group, Math.Max(0, step));
}
