namespace Ramp.Schedules;

/// <summary>A schedule multiplied by a constant: <c>Scale * Inner.ValueAt(t)</c>.</summary>
/// <param name="Scale">The multiplier, e.g. a group's base learning rate.</param>
/// <param name="Inner">The schedule being scaled.</param>
public sealed record Scaled(double Scale, Schedule Inner) : Schedule
{
    /// <summary>The multiplier, e.g. a group's base learning rate.</summary>
    public double Scale { get; } = Check.Finite(Scale, nameof(Scale), "scaled");

    /// <summary>The schedule being scaled.</summary>
    public Schedule Inner { get; } = Check.NotNull(Inner, nameof(Inner), "scaled");

    /// <inheritdoc />
    public override double ValueAt(long step) => Scale * Inner.ValueAt(step);

    /// <summary>The native text, <c>scale * inner</c>.</summary>
    public override string ToString() => Text.Native.NativeText.Print(this);
}
