using System.Globalization;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Keras;

/// <summary>
/// A Keras <c>LearningRateSchedule</c>: absolute values as a function of the optimizer's iteration counter
/// (0 at the first update; with gradient accumulation Keras passes the raw micro-step counter). Binding ignores the
/// base learning rates: every group gets the same value.
/// </summary>
/// <remarks>Keras evaluates in the optimizer's float dtype (float32 by default); Ramp evaluates the same formulas in double.</remarks>
public abstract record KerasSpec : ScheduleSpec
{
    /// <summary>The Python call that builds this schedule.</summary>
    public sealed override string ToString() => PeerBinder.Print(this);

    /// <summary>The schedule's value at <paramref name="step"/> (any step; a bound schedule treats negative steps as 0).</summary>
    public abstract double ValueAt(long step);

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        var value = new KerasValue(this);
        return new ScheduleSet(baseLrs.Select(_ => (Schedule)value).ToArray());
    }

    /// <summary>Keras' check that a step count is positive.</summary>
    protected static long PositiveSteps(long value, string name, string who) => value > 0
        ? value
        : throw new ScheduleArgumentException(name, value, $"{who}: {Names.Snake(name)} must be > 0 but was {value}");

    /// <summary>Python spelling of a number.</summary>
    protected static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Python spelling of a boolean.</summary>
    protected static string Bool(bool value) => value ? "True" : "False";
}
