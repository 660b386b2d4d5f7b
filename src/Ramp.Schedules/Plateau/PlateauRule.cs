namespace Ramp.Schedules.Plateau;

/// <summary>
/// A metric-driven rule (reduce-on-plateau): the one stateful kind of schedule. The rule itself is an immutable
/// value; all that changes during training lives in a <see cref="PlateauState"/>, which is serialisable and goes
/// into checkpoints.
/// </summary>
public abstract record PlateauRule
{
    /// <summary>The state before any metric has been observed, for groups with the given base learning rates.</summary>
    public abstract PlateauState Start(IReadOnlyList<double> baseLrs);

    /// <summary>
    /// The state after observing <paramref name="metric"/> (the value passed to the peer's
    /// <c>scheduler.step(metric)</c> after a step or epoch). Pure: returns a new state.
    /// </summary>
    public abstract PlateauState Observe(PlateauState state, double metric);
}
