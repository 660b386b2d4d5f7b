namespace Ramp.Cli.Cli;

/// <summary>
/// A mistake of the person running <c>ramp</c> (bad value, bad spec text, unreadable file): printed as one line
/// <c>ramp: {Message}</c> on stderr, exit code 2, never a stack trace.
/// </summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the error; <paramref name="message"/> says what is wrong and where, on one line.</summary>
    public UsageException(string message) : base(message)
    {
    }

    /// <summary>Creates the error, keeping the exception that revealed it.</summary>
    public UsageException(string message, Exception inner) : base(message, inner)
    {
    }
}
