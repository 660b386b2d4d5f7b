using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>optax <c>constant_schedule(value)</c>: the value at every count.</summary>
/// <param name="Value">The value.</param>
[PeerCall("optax", "constant_schedule", "optax", "optax.schedules")]
public sealed record OptaxConstant(double Value) : OptaxSpec
{
    /// <inheritdoc />
    public override double ValueAt(long count) => Value;
}
