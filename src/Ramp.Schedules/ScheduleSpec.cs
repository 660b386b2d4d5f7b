namespace Ramp.Schedules;

/// <summary>
/// What a schedule text denotes before the optimizer is known: binding it to the groups' base learning rates
/// gives a <see cref="ScheduleSet"/>. Peer calls (PyTorch, transformers, timm, optax, ...) and Ramp's own
/// schedules both parse to a spec.
/// </summary>
public abstract record ScheduleSpec
{
    /// <summary>Binds the spec to parameter groups whose learning rates before scheduling are <paramref name="baseLrs"/>.</summary>
    /// <exception cref="ArgumentException">
    /// When the spec does not fit the groups: per-group lists of another length, or values that contradict a base rate
    /// (e.g. transformers' polynomial decay with <c>lr_end</c> above the initial rate). The message names the scheduler.
    /// </exception>
    public abstract ScheduleSet Bind(IReadOnlyList<double> baseLrs);
}
