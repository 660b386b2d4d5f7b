using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>ChainedScheduler(schedulers)</c>: every sub-scheduler steps the same learning rate in turn, which for
/// chainable (multiplicative) schedulers is the product <c>lr(t) = base * prod_i f_i(t)</c>, <c>f_i(t) = LrAt_i(1, t)</c>.
/// </summary>
/// <remarks>
/// Only schedulers whose PyTorch step multiplies the current rate can be chained (StepLR, MultiStepLR, ConstantLR,
/// LinearLR, ExponentialLR, PolynomialLR, CosineAnnealingLR with eta_min = 0); PyTorch lets the others overwrite
/// the product, which is rarely meant, so Ramp refuses them. A chained CosineAnnealingLR is exact up to T_max;
/// past it PyTorch's recursion restarts from an additive step while Ramp keeps the product of closed forms.
/// </remarks>
/// <param name="Schedulers">The schedulers, in the order PyTorch steps them; at least one.</param>
[PeerCall("torch", "ChainedScheduler", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record ChainedScheduler(EquatableArray<TorchScheduleSpec> Schedulers) : TorchScheduleSpec
{
    /// <summary>The schedulers; each multiplicative.</summary>
    public EquatableArray<TorchScheduleSpec> Schedulers { get; } = Check(Schedulers);

    /// <inheritdoc />
    public override bool IsMultiplicative => true;

    /// <inheritdoc />
    public override void CheckGroups(int groups)
    {
        foreach (var scheduler in Schedulers) scheduler.CheckGroups(groups);
    }

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch)
    {
        var lr = baseLr;
        foreach (var scheduler in Schedulers.AsSpan()) lr *= scheduler.LrAt(group, 1.0, epoch);
        return lr;
    }

    private static EquatableArray<TorchScheduleSpec> Check(EquatableArray<TorchScheduleSpec> schedulers)
    {
        if (schedulers.Count == 0)
        {
            throw ScheduleArgumentException.For("ChainedScheduler: schedulers needs at least one scheduler", nameof(Schedulers));
        }
        foreach (var scheduler in schedulers)
        {
            if (!scheduler.IsMultiplicative)
            {
                throw ScheduleArgumentException.For(
                    $"ChainedScheduler: {scheduler.GetType().Name} cannot be chained: its PyTorch step overwrites the rate instead of "
                    + "multiplying it (use SequentialLR, or CosineAnnealingLR with eta_min=0)", nameof(Schedulers));
            }
        }
        return schedulers;
    }
}
