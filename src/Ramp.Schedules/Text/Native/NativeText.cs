using Ramp.Schedules.Composition;
using Ramp.Schedules.Cyclic;

namespace Ramp.Schedules.Text.Native;

/// <summary>
/// Ramp's compact native text form (grammar and every name in docs/native-spec.md), e.g.
/// <c>warmup(100) &gt;&gt; cosine(900, floor=0.1)</c>. Printing then parsing gives an equal record.
/// </summary>
public static class NativeText
{
    /// <summary>Every schedule name the native form accepts.</summary>
    public static IReadOnlyList<string> Names => NativeCatalog.Names;

    /// <summary>Parses a schedule; the only exception is <see cref="SpecException"/>.</summary>
    /// <param name="text">Native text, e.g. <c>warmup(100) &gt;&gt; cosine(900)</c>.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    public static Schedule ParseSchedule(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NativeParser.AsSchedule(NativeParser.Parse(text));
    }

    /// <summary>
    /// Parses a spec: <c>per_group(...)</c> gives a <see cref="GroupSpec"/>, a one-cycle or cyclic schedule that
    /// cycles momentum gives a <see cref="GroupSpec"/> that binds momentum, any other schedule a
    /// <see cref="FactorSpec"/>. The only exception is <see cref="SpecException"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    public static ScheduleSpec ParseSpec(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var node = NativeParser.Parse(text);
        if (node is SpecNode spec) return spec.Spec;
        var schedule = NativeParser.AsSchedule(node);
        return schedule is ICyclesMomentum { CycleMomentum: true } ? new GroupSpec(schedule) : new FactorSpec(schedule);
    }

    /// <summary>The native text of <paramref name="schedule"/> (schedules from peers print their own text).</summary>
    public static string Print(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return NativePrinter.Print(schedule);
    }

    /// <summary>The native text of a <see cref="GroupSpec"/>, <c>per_group(...)</c>.</summary>
    public static string Print(GroupSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return NativePrinter.Print(spec);
    }
}
