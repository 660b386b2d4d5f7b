using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Composition;

/// <summary>
/// Schedules multiplied step by step (like PyTorch's ChainedScheduler of closed forms):
/// <c>f(t) = a.ValueAt(t) * b.ValueAt(t) * ...</c>; text <c>a * b</c>.
/// A warmup as a dampening factor over any schedule (pytorch_warmup) is a product:
/// <c>step(30) * exp_warmup(100)</c> gives <c>inner(t) * warmup(t)</c>.
/// </summary>
/// <param name="Factors">At least two schedules.</param>
public sealed record Product(EquatableArray<Schedule> Factors) : Schedule
{
    internal const string Name = "product";

    /// <summary>The schedules being multiplied.</summary>
    public EquatableArray<Schedule> Factors { get; } = Factors.Count >= 2 && !Factors.Any(f => f is null)
        ? Factors
        : throw ScheduleArgumentException.For($"product: needs at least 2 schedules but had {Factors.Count}", nameof(Factors));

    /// <summary>A warmup as a dampening factor over <paramref name="inner"/>: <c>inner(t) * warmup(t)</c>.</summary>
    public static Product Dampen(Schedule inner, Schedule warmup) => new(new[] { inner, warmup });

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var value = 1.0;
        foreach (var factor in Factors.AsSpan()) value *= factor.ValueAt(step);
        return value;
    }

    /// <summary>The native text, e.g. <c>cosine(1000) * warmup(100)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
