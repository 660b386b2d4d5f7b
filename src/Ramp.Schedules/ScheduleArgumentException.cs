namespace Ramp.Schedules;

/// <summary>
/// A schedule argument outside what the schedule accepts. <see cref="Message"/> is exactly the one line written where
/// the check is made (who, what, the allowed range, the actual value), without the " (Parameter '...')" and
/// "Actual value was ..." that .NET appends, so a spec error or a command-line message can show it as it is;
/// <see cref="ArgumentException.ParamName"/> still names the constructor parameter.
/// </summary>
public sealed class ScheduleArgumentException : ArgumentOutOfRangeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="paramName">The constructor parameter (C# name).</param>
    /// <param name="actualValue">The value given, or null.</param>
    /// <param name="message">The one-line message: who, what, the allowed range, the actual value.</param>
    public ScheduleArgumentException(string? paramName, object? actualValue, string message)
        : base(paramName, actualValue, message) => Message = message;

    /// <summary>Creates the error without an actual value.</summary>
    /// <param name="paramName">The constructor parameter (C# name).</param>
    /// <param name="message">The one-line message.</param>
    public ScheduleArgumentException(string? paramName, string message)
        : base(paramName, message) => Message = message;

    /// <summary>The message exactly as written where the check was made.</summary>
    public override string Message { get; }

    /// <summary>The error for a value that is not one range (a list of the wrong length, a missing value).</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="paramName">The constructor parameter (C# name), or null.</param>
    public static ScheduleArgumentException For(string message, string? paramName = null) => new(paramName, message);
}
