using static TorchSharp.torch.optim;

namespace Ramp.Training.Binding;

/// <summary>
/// Presents a <see cref="ScheduleBinder"/> as a TorchSharp <see cref="lr_scheduler.LRScheduler"/>:
/// <c>step()</c> counts one applied optimizer step, <c>step(epoch)</c> jumps to that step, and
/// <c>step(metric)</c> observes a metric without advancing (as PyTorch's ReduceLROnPlateau does).
/// </summary>
/// <remarks>Like PyTorch schedulers, construction writes the values of the binder's current step.</remarks>
public sealed class BinderLrScheduler : lr_scheduler.LRScheduler
{
    private readonly ScheduleBinder _binder;

    /// <summary>Wraps <paramref name="binder"/>, which must be bound to <paramref name="optimizer"/>.</summary>
    public BinderLrScheduler(Optimizer optimizer, ScheduleBinder binder) : base(optimizer, -1, false)
    {
        _binder = binder ?? throw new ArgumentNullException(nameof(binder));
        _binder.Apply();
        base.step((int?)null); // records the current values as get_last_lr(), as PyTorch's constructor step does
    }

    /// <summary>The binder behind this scheduler.</summary>
    public ScheduleBinder Binder => _binder;

    /// <summary>Counts one applied optimizer step (<paramref name="epoch"/> null) or moves to step <paramref name="epoch"/>.</summary>
    public override void step(int? epoch)
    {
        if (epoch is { } at) _binder.Restore(_binder.State with { Step = at });
        else _binder.Advance();
        base.step(epoch);
    }

    /// <summary>Observes <paramref name="current"/> (a validation metric) for the plateau rule; does not advance.</summary>
    public override void step(double current, int? epoch = null)
    {
        _binder.Observe(current);
        if (epoch is { } at) _binder.Restore(_binder.State with { Step = at });
        base.step((int?)null); // refreshes get_last_lr(); get_lr() reads the binder, which did not advance
    }

    /// <inheritdoc />
    protected override IEnumerable<double> get_lr() =>
        Enumerable.Range(0, _binder.Schedules.Groups).Select(_binder.LrOf).ToArray();

    /// <inheritdoc />
    protected override IEnumerable<double> get_closed_form_lr() => get_lr();
}
