using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Linear decay from 1 to <c>end</c>, clamped past its end: <c>f(t) = 1 + (end - 1) * min(t, T) / T</c>;
/// text <c>linear(T, end=0)</c>.
/// </summary>
/// <param name="Steps">Decay length T, at least 1.</param>
/// <param name="End">Factor reached at T and held, at least 0; default 0.</param>
public sealed record LinearDecay(long Steps, double End = 0) : Schedule
{
    internal const string Name = "linear";

    /// <summary>Decay length T, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Factor reached at T and held.</summary>
    public double End { get; } = Check.NonNegative(End, nameof(End), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) =>
        step >= Steps ? End : 1.0 + (End - 1.0) * (Check.Step(step) / Steps);

    /// <summary>The native text, e.g. <c>linear(1000, end=0.1)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
