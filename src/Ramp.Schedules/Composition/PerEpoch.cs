using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Composition;

/// <summary>
/// A schedule written in epochs, evaluated per optimizer step: <c>f(t) = inner.ValueAt(floor(t / steps))</c>,
/// so the value changes only at epoch boundaries; text <c>per_epoch(390, step(30))</c>.
/// </summary>
/// <param name="Steps">Optimizer steps per epoch, at least 1.</param>
/// <param name="Inner">The schedule over epochs.</param>
public sealed record PerEpoch(long Steps, Schedule Inner) : Schedule
{
    internal const string Name = "per_epoch";

    /// <summary>Optimizer steps per epoch, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>The schedule over epochs.</summary>
    public Schedule Inner { get; } = Check.NotNull(Inner, nameof(Inner), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) => Inner.ValueAt(step <= 0 ? 0 : step / Steps);

    /// <summary>The native text, e.g. <c>per_epoch(390, step(30))</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
