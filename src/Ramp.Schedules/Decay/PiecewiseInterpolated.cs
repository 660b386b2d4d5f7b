using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Factors interpolated between points <c>(at[i], values[i])</c>: <c>values[0]</c> up to <c>at[0]</c>, the last value
/// from the last point on, and linear or cosine interpolation in between;
/// text <c>interp([0.1, 1, 0.01], at=[0, 100, 1000], kind=linear)</c>.
/// </summary>
/// <param name="Values">Factor at each point, each finite and at least 0.</param>
/// <param name="At">The points' steps, non-negative and strictly increasing, as many as <paramref name="Values"/>.</param>
/// <param name="Kind">Interpolation between points; default <see cref="InterpolationKind.Linear"/>.</param>
public sealed record PiecewiseInterpolated(EquatableArray<double> Values, EquatableArray<long> At,
    InterpolationKind Kind = InterpolationKind.Linear) : Schedule
{
    internal const string Name = "interp";

    /// <summary>Factor at each point.</summary>
    public EquatableArray<double> Values { get; } = Check.NonNegative(Values, 2, nameof(Values), Name);

    /// <summary>The points' steps, strictly increasing.</summary>
    public EquatableArray<long> At { get; } = Check.Steps(At, strict: true, 2, nameof(At), Name).Count == Values.Count
        ? At
        : throw ScheduleArgumentException.For(
            $"interp: at must hold as many points as values ({Values.Count}) but held {At.Count}", nameof(At));

    /// <summary>Interpolation between points.</summary>
    public InterpolationKind Kind { get; } = Enum.IsDefined(Kind) ? Kind
        : throw Check.Range(nameof(Kind), Kind, $"interp: kind must be linear or cosine but was {(int)Kind}");

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var at = At.AsSpan();
        if (step <= at[0]) return Values[0];
        if (step >= at[^1]) return Values[Values.Count - 1];
        var i = 1;
        while (at[i] <= step) i++;
        var pct = (double)(step - at[i - 1]) / (at[i] - at[i - 1]);
        return Interpolate(Kind, Values[i - 1], Values[i], pct);
    }

    internal static double Interpolate(InterpolationKind kind, double from, double to, double pct) =>
        kind == InterpolationKind.Linear
            ? from + (to - from) * pct
            : to + (from - to) * 0.5 * (1.0 + Math.Cos(Math.PI * pct));

    /// <summary>The native text, e.g. <c>interp([1, 0], at=[0, 100])</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
