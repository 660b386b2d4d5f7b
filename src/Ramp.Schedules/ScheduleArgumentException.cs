namespace Ramp.Schedules;

/// <summary>
/// A schedule argument outside what the schedule accepts: a <see cref="RampArgumentException"/> raised by a schedule's
/// constructor, so a spec error can show its message as it is, with its column; <see cref="ArgumentException.ParamName"/>
/// names the constructor parameter.
/// </summary>
public sealed class ScheduleArgumentException : RampArgumentException
{
    /// <summary>Creates the error.</summary>
    /// <param name="paramName">The constructor parameter (C# name).</param>
    /// <param name="actualValue">The value given, or null.</param>
    /// <param name="message">The one-line message: who, what, the allowed range, the actual value.</param>
    public ScheduleArgumentException(string? paramName, object? actualValue, string message)
        : base(paramName, actualValue, message)
    {
    }

    /// <summary>Creates the error without an actual value.</summary>
    /// <param name="paramName">The constructor parameter (C# name).</param>
    /// <param name="message">The one-line message.</param>
    public ScheduleArgumentException(string? paramName, string message)
        : base(paramName, message)
    {
    }

    /// <summary>The error for a value that is not one range (a list of the wrong length, a missing value).</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="paramName">The constructor parameter (C# name), or null.</param>
    public static new ScheduleArgumentException For(string message, string? paramName = null) => new(paramName, message);
}
