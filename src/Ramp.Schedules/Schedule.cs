namespace Ramp.Schedules;

/// <summary>
/// A learning-rate schedule as a pure value: <see cref="ValueAt"/> maps an optimizer step to a number.
/// </summary>
/// <remarks>
/// Step convention (pinned by tests): <c>ValueAt(t)</c> is the value used by the (t+1)-th optimizer step,
/// so <c>ValueAt(0)</c> drives the very first update. Schedules are immutable records: equal parameters
/// give equal schedules, <see cref="object.ToString"/> prints Ramp's native text form, and evaluation
/// allocates nothing and is safe from any thread. Negative steps are treated as step 0.
/// </remarks>
public abstract record Schedule
{
    /// <summary>The value used by the (<paramref name="step"/>+1)-th optimizer step.</summary>
    /// <param name="step">Zero-based optimizer step; any <see cref="long"/> is accepted.</param>
    public abstract double ValueAt(long step);
}
