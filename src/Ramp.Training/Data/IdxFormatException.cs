namespace Ramp.Training.Data;

/// <summary>
/// A data file that is not what it claims to be (bad magic number, impossible dimensions, truncated or trailing
/// bytes, broken gzip stream). The message is one line naming the file and the problem.
/// </summary>
public sealed class IdxFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> with <paramref name="problem"/>.</summary>
    public IdxFormatException(string file, string problem, Exception? inner = null)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The file (or shipped resource name) that is malformed.</summary>
    public string File { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}
