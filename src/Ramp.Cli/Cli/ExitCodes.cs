namespace Ramp.Cli.Cli;

/// <summary>The exit codes of <c>ramp</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected internal failure (a bug in Ramp or the environment).</summary>
    public const int Failure = 1;

    /// <summary>A user mistake: unknown option, bad value, bad spec text, unreadable file.</summary>
    public const int Usage = 2;
}
