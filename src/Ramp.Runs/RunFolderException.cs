namespace Ramp.Runs;

/// <summary>
/// A run folder's content cannot be read: the message names the file, the line (when there is one) and what
/// was wrong, e.g. <c>runs/a/metrics.csv line 7: column 'loss' is 'abc', not a number</c>.
/// </summary>
public sealed class RunFolderException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/> at <paramref name="line"/> (1-based, 0 when none).</summary>
    public RunFolderException(string file, int line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file} line {line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, or 0 when it concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>What was wrong, without the file and line.</summary>
    public string Problem { get; }
}
