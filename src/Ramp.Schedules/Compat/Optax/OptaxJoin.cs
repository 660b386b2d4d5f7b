using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>
/// optax <c>join_schedules(schedules, boundaries)</c>: schedule k is used from boundary k − 1 (inclusive) to
/// boundary k, evaluated at the count since its own boundary: at count == bₖ the next schedule is used, at 0.
/// </summary>
/// <param name="Schedules">The pieces, at least one.</param>
/// <param name="Boundaries">One fewer than the pieces (optax silently drops extra pieces; Ramp refuses them).</param>
[PeerCall("optax", "join_schedules", "optax", "optax.schedules")]
public sealed record OptaxJoin(EquatableArray<OptaxSpec> Schedules, EquatableArray<long> Boundaries) : OptaxSpec
{
    /// <summary>One fewer than the pieces (optax silently drops extra pieces; Ramp refuses them).</summary>
    public EquatableArray<long> Boundaries { get; } = Boundaries;

    /// <summary>The pieces, one more than the boundaries.</summary>
    public EquatableArray<OptaxSpec> Schedules { get; } = Schedules.Count == 0
        ? throw ScheduleArgumentException.For("join_schedules: needs at least one schedule", nameof(Schedules))
        : Schedules.Count == Boundaries.Count + 1
        ? Schedules
        : throw ScheduleArgumentException.For(
            $"join_schedules: {Schedules.Count} schedules need {Math.Max(0, Schedules.Count - 1)} boundaries but got {Boundaries.Count}",
            nameof(Boundaries));

    /// <inheritdoc />
    public override double ValueAt(long count)
    {
        var value = Schedules[0].ValueAt(count);
        for (var i = 0; i < Boundaries.Count; i++)
        {
            if (count >= Boundaries[i]) value = Schedules[i + 1].ValueAt(count - Boundaries[i]);
        }
        return value;
    }
}
