using System.Globalization;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>
/// An optax schedule: a pure function <c>count → value</c> of absolute values, where count is the optimizer-state
/// step counter (0 at the first update). Binding ignores the base learning rates: every group gets the same value.
/// </summary>
public abstract record OptaxSpec : ScheduleSpec
{
    /// <summary>optax's <c>schedule(count)</c>, exactly, for any count (a bound schedule treats negative steps as 0).</summary>
    public abstract double ValueAt(long count);

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        var value = new OptaxValue(this);
        return new ScheduleSet(baseLrs.Select(_ => (Schedule)value).ToArray());
    }

    /// <summary>The optax call that builds this schedule.</summary>
    public sealed override string ToString() => PythonCall();

    /// <summary>The optax call; <see cref="PeerBinder.Print"/> for a declared record.</summary>
    protected virtual string PythonCall() => PeerBinder.Print(this);

    /// <summary>Python spelling of a number.</summary>
    protected static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Python spelling of a <c>{step: scale}</c> dict.</summary>
    protected static string Dict(EquatableArray<long> boundaries, EquatableArray<double> scales) =>
        "{" + string.Join(", ", boundaries.Select((b, i) => $"{b}: {Num(scales[i])}")) + "}";

    /// <summary>Checks that boundaries ascend strictly and pair with the scales, none of which is negative.</summary>
    protected static EquatableArray<long> CheckBoundaries(EquatableArray<long> boundaries, EquatableArray<double> scales, string who)
    {
        if (boundaries.Count != scales.Count)
        {
            throw ScheduleArgumentException.For($"{who}: {boundaries.Count} boundaries but {scales.Count} scales", "boundaries_and_scales");
        }
        for (var i = 1; i < boundaries.Count; i++)
        {
            if (boundaries[i] <= boundaries[i - 1])
            {
                throw ScheduleArgumentException.For($"{who}: boundaries must be distinct and ascending but were {boundaries}",
                    "boundaries_and_scales");
            }
        }
        if (scales.Any(s => !(s >= 0.0)))
        {
            throw ScheduleArgumentException.For($"{who}: expects non-negative scale factors but got {scales}", "boundaries_and_scales");
        }
        return boundaries;
    }
}
