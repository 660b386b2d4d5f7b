using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>A constant factor: <c>f(t) = value</c>; text <c>constant()</c> or <c>constant(0.5)</c>.</summary>
/// <param name="Value">The factor, finite and at least 0; default 1 (the base learning rate).</param>
public sealed record Constant(double Value = 1) : Schedule
{
    internal const string Name = "constant";

    /// <summary>The factor, finite and at least 0.</summary>
    public double Value { get; } = Check.NonNegative(Value, nameof(Value), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) => Value;

    /// <summary>The native text, e.g. <c>constant()</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
