using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Keras;

/// <summary>
/// Keras <c>PiecewiseConstantDecay</c>: values[0] for s ≤ boundaries[0], values[i + 1] for
/// boundaries[i] &lt; s ≤ boundaries[i + 1], values[^1] after the last boundary. The boundary step itself still
/// belongs to the lower piece (the value changes at boundary + 1), unlike optax and PyTorch.
/// </summary>
/// <param name="Boundaries">Steps, ascending.</param>
/// <param name="Values">One more value than boundaries.</param>
[PeerCall("keras", "PiecewiseConstantDecay", "keras.optimizers.schedules", "tf.keras.optimizers.schedules",
    Signature = "boundaries, values, name")]
public sealed record KerasPiecewiseConstantDecay(EquatableArray<long> Boundaries, EquatableArray<double> Values) : KerasSpec
{
    /// <summary>One more value than boundaries.</summary>
    public EquatableArray<double> Values { get; } = Values.Count == Boundaries.Count + 1
        ? Values
        : throw ScheduleArgumentException.For(
            $"PiecewiseConstantDecay: the length of boundaries should be 1 less than the length of values, but got "
            + $"{Boundaries.Count} boundaries and {Values.Count} values",
            nameof(Values));

    /// <summary>Steps, ascending.</summary>
    public EquatableArray<long> Boundaries { get; } = Enumerable.Range(1, Math.Max(0, Boundaries.Count - 1)).All(i
        => Boundaries[i] >= Boundaries[i - 1])
        ? Boundaries
        : throw ScheduleArgumentException.For(
            $"PiecewiseConstantDecay: boundaries must be ascending but were {Boundaries}", nameof(Boundaries));

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var below = 0;
        foreach (var boundary in Boundaries.AsSpan())
        {
            if (boundary < step) below++;
        }
        return Values[below];
    }
}
