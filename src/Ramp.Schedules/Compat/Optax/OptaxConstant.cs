namespace Ramp.Schedules.Compat.Optax;

/// <summary>optax <c>constant_schedule(value)</c>: the value at every count.</summary>
/// <param name="Value">The value.</param>
public sealed record OptaxConstant(double Value) : OptaxSpec
{
    /// <inheritdoc />
    public override double ValueAt(long count) => Value;

    /// <summary>The Python call.</summary>
    public override string ToString() => $"optax.constant_schedule(value={Num(Value)})";
}
