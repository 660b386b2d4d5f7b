using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Piecewise-constant factors: <c>values[i]</c> where i is the number of boundaries at or before t (the new value
/// applies at the boundary step itself); text <c>piecewise([1, 0.1, 0.01], at=[100, 200])</c>.
/// </summary>
/// <param name="Values">The factors, one more than <paramref name="At"/>, each finite and at least 0.</param>
/// <param name="At">At, non-negative and strictly increasing, at least one.</param>
public sealed record PiecewiseConstant(EquatableArray<double> Values, EquatableArray<long> At) : Schedule
{
    internal const string Name = "piecewise";

    /// <summary>The factors, one more than <see cref="At"/>.</summary>
    public EquatableArray<double> Values { get; } = Check.NonNegative(Values, 2, nameof(Values), Name);

    /// <summary>At, strictly increasing.</summary>
    public EquatableArray<long> At { get; } = Check.Steps(At, strict: true, 1, nameof(At), Name).Count == Values.Count - 1
        ? At
        : throw ScheduleArgumentException.For(
            $"piecewise: at must hold one boundary fewer than values ({Values.Count - 1}) but held {At.Count}", nameof(At));

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var at = At.AsSpan();
        var i = 0;
        while (i < at.Length && at[i] <= step) i++;
        return Values[i];
    }

    /// <summary>The native text, e.g. <c>piecewise([1, 0.1], at=[100])</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
