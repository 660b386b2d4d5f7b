using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Cyclic;

/// <summary>
/// The momentum side of a one-cycle or cyclic schedule as a schedule of its own (absolute momentum values);
/// text <c>momentum(onecycle(1000))</c>.
/// </summary>
/// <param name="Source">A schedule implementing <see cref="ICyclesMomentum"/>.</param>
public sealed record MomentumSchedule(Schedule Source) : Schedule
{
    internal const string Name = "momentum";

    /// <summary>The one-cycle or cyclic schedule whose momentum this is.</summary>
    public Schedule Source { get; } = Check.NotNull(Source, nameof(Source), Name) is ICyclesMomentum
        ? Source
        : throw ScheduleArgumentException.For($"momentum: source must be onecycle or cyclic but was {Source}", nameof(Source));

    /// <inheritdoc />
    public override double ValueAt(long step) => ((ICyclesMomentum)Source).MomentumAt(step);

    /// <summary>The native text, e.g. <c>momentum(onecycle(1000))</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
