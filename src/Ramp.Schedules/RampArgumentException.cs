namespace Ramp.Schedules;

/// <summary>
/// An argument outside what Ramp accepts, in any of its projects. <see cref="Message"/> is exactly the one line written
/// where the check is made (who, what, the allowed range, the actual value), without the " (Parameter '...')" and
/// "Actual value was ..." that .NET appends, so the command line shows it as it is, never cut out of a longer text;
/// <see cref="ArgumentException.ParamName"/> still names the parameter.
/// </summary>
public class RampArgumentException : ArgumentOutOfRangeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="paramName">The parameter (C# name).</param>
    /// <param name="actualValue">The value given, or null.</param>
    /// <param name="message">The one-line message: who, what, the allowed range, the actual value.</param>
    public RampArgumentException(string? paramName, object? actualValue, string message)
        : base(paramName, actualValue, message) => Message = message;

    /// <summary>Creates the error without an actual value.</summary>
    /// <param name="paramName">The parameter (C# name).</param>
    /// <param name="message">The one-line message.</param>
    public RampArgumentException(string? paramName, string message)
        : base(paramName, message) => Message = message;

    /// <summary>Creates the error for a value that failed a check further down.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="innerException">The error of the check further down.</param>
    public RampArgumentException(string message, Exception innerException)
        : base(message, innerException) => Message = message;

    /// <summary>The message exactly as written where the check was made.</summary>
    public override string Message { get; }

    /// <summary>The error for a value that is not one range (a list of the wrong length, a missing value).</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="paramName">The parameter (C# name), or null.</param>
    public static RampArgumentException For(string message, string? paramName = null) => new(paramName, message);
}
