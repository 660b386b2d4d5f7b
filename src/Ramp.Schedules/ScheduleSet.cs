using Ramp.Schedules.Plateau;

namespace Ramp.Schedules;

/// <summary>
/// A schedule bound to an optimizer's parameter groups: one learning-rate schedule per group, optionally one
/// momentum (or Adam beta1) schedule per group, and optionally a metric-driven plateau rule on top.
/// </summary>
/// <param name="Lr">Per-group learning-rate schedules (absolute values).</param>
/// <param name="Momentum">Per-group momentum schedules where the schedule cycles momentum; otherwise null.</param>
/// <param name="Plateau">
/// A reduce-on-plateau rule whose per-group factors multiply <paramref name="Lr"/>; null for purely step-driven
/// schedules.
/// </param>
public sealed record ScheduleSet(
    EquatableArray<Schedule> Lr,
    EquatableArray<Schedule>? Momentum = null,
    PlateauRule? Plateau = null)
{
    /// <summary>Number of parameter groups.</summary>
    public int Groups => Lr.Count;

    /// <summary>
    /// The learning rate of <paramref name="group"/> at <paramref name="step"/>:
    /// <c>Lr[group].ValueAt(step) * state.Factors[group]</c> (the factor is 1 without a plateau rule).
    /// </summary>
    public double LrAt(int group, long step, PlateauState? state = null) =>
        Lr[group].ValueAt(step) * (state is null ? 1.0 : state.Factors[group]);

    /// <summary>The momentum of <paramref name="group"/> at <paramref name="step"/>, or null when not scheduled.</summary>
    public double? MomentumAt(int group, long step) => Momentum?[group].ValueAt(step);
}
