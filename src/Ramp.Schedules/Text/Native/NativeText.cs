namespace Ramp.Schedules.Text.Native;

/// <summary>PLACEHOLDER (owned by the native-schedule work): Ramp's compact native text form.</summary>
public static class NativeText
{
    /// <summary>Parses a native spec.</summary>
    public static ScheduleSpec ParseSpec(string text) => throw new SpecException(0, "native specs are not parsed yet");
}
