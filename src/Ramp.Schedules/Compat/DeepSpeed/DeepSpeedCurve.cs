namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>One group's learning rate (or β1) of a bound DeepSpeed scheduler: step t reads last_batch_iteration t − 1.</summary>
/// <param name="Spec">The scheduler.</param>
/// <param name="BaseLrs">Every group's learning rate at construction.</param>
/// <param name="Group">This group.</param>
/// <param name="Momentum">Whether this is the β1 schedule rather than the learning rate.</param>
internal sealed record DeepSpeedCurve(DeepSpeedSpec Spec, EquatableArray<double> BaseLrs, int Group, bool Momentum) : Schedule
{
    /// <summary>The scheduler.</summary>
    public DeepSpeedSpec Spec { get; } = Check.NotNull(Spec, nameof(Spec), "deep_speed_curve");

    /// <summary>Every group's learning rate at construction.</summary>
    public EquatableArray<double> BaseLrs { get; } = Check.FiniteList(BaseLrs, nameof(BaseLrs), "deep_speed_curve");

    /// <summary>This group.</summary>
    public int Group { get; } = Group;

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var lastBatchIteration = Math.Max(0, step) - 1;
        return Momentum ? Spec.MomentumAt(lastBatchIteration)!.Value : Spec.LrAt(BaseLrs, Group, lastBatchIteration);
    }

    /// <inheritdoc />
    public override string ToString() => Spec.ToString();
}
