using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>optax <c>constant_schedule(value)</c>: the value at every count.</summary>
/// <param name="Value">The value.</param>
[PeerCall("optax", "constant_schedule", "optax", "optax.schedules")]
public sealed record OptaxConstant(double Value) : OptaxSpec
{
    /// <summary>The value.</summary>
    public double Value { get; } = Check.Finite(Value, nameof(Value), "constant_schedule");

    /// <inheritdoc />
    public override double ValueAt(long count) => Value;
}
