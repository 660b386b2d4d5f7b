using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>SequentialLR(optimizer, schedulers, milestones)</c>: scheduler <c>i</c> runs from milestone <c>i-1</c>
/// (0 for the first) and restarts at its own epoch 0 from the base learning rate:
/// <c>lr(t) = S_i.LrAt(base, t - m_(i-1))</c> with <c>i</c> = the number of milestones &lt;= t.
/// </summary>
/// <remarks>
/// This is PyTorch's milestone rule: the next scheduler does not continue from where the previous one left the
/// rate, so a LinearLR warmup into CosineAnnealingLR is continuous, while an ExponentialLR followed by anything
/// jumps back to the base rate.
/// </remarks>
/// <param name="Schedulers">The schedulers, at least one.</param>
/// <param name="Milestones">Epochs at which the next scheduler takes over: one fewer than the schedulers, non-decreasing.</param>
[PeerCall("torch", "SequentialLR", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record SequentialLR(EquatableArray<TorchScheduleSpec> Schedulers, EquatableArray<long> Milestones) : TorchScheduleSpec
{
    /// <summary>The schedulers, at least one.</summary>
    public EquatableArray<TorchScheduleSpec> Schedulers { get; } = Schedulers.Count == 0
        ? throw ScheduleArgumentException.For("SequentialLR: schedulers needs at least one scheduler", nameof(Schedulers))
        : Schedulers.Any(s => s is ReduceLROnPlateau)
            ? throw ScheduleArgumentException.For("SequentialLR: ReduceLROnPlateau cannot be sequenced (its step needs a metric)",
                nameof(Schedulers))
            : Schedulers;

    /// <summary>Milestones, one fewer than the schedulers, non-decreasing, at least 0.</summary>
    public EquatableArray<long> Milestones { get; } = Check(Schedulers, Milestones);

    /// <inheritdoc />
    public override void CheckGroups(int groups)
    {
        foreach (var scheduler in Schedulers) scheduler.CheckGroups(groups);
    }

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch)
    {
        var index = 0;
        foreach (var milestone in Milestones.AsSpan())
        {
            if (milestone > epoch) break;
            index++;
        }
        var local = index == 0 ? epoch : epoch - Milestones[index - 1];
        return Schedulers[index].LrAt(group, baseLr, local);
    }

    private static EquatableArray<long> Check(EquatableArray<TorchScheduleSpec> schedulers, EquatableArray<long> milestones)
    {
        if (milestones.Count != schedulers.Count - 1)
        {
            throw ScheduleArgumentException.For(
                $"SequentialLR: expected {schedulers.Count - 1} milestone(s) (one fewer than the {schedulers.Count} schedulers) "
                + $"but got {milestones.Count}",
                nameof(Milestones));
        }
        for (var i = 0; i < milestones.Count; i++)
        {
            if (milestones[i] < 0 || (i > 0 && milestones[i] < milestones[i - 1]))
            {
                throw ScheduleArgumentException.For($"SequentialLR: milestones must be non-decreasing and at least 0 but were {milestones}",
                    nameof(Milestones));
            }
        }
        return milestones;
    }
}
