namespace Ramp.Training.Studies;

/// <summary>
/// A grid file that cannot be used: the message starts with the file and either the line (JSON syntax) or the
/// JSON path of the offending value: <c>grid.json:7: ...</c>, <c>grid.json: $.arms[1].schedule: expected a string</c>.
/// </summary>
public sealed class GridFileException : Exception
{
    /// <summary>An error at <paramref name="where"/> (a line number or a JSON path) in <paramref name="file"/>.</summary>
    public GridFileException(string file, string where, string message, Exception? inner = null)
        : base($"{file}{(where.StartsWith('$') ? ": " : ":")}{where}: {message}", inner)
    {
        File = file;
        Where = where;
    }

    /// <summary>An error in <paramref name="file"/> as a whole.</summary>
    public GridFileException(string file, string message) : base($"{file}: {message}")
    {
        File = file;
        Where = "";
    }

    /// <summary>The grid file.</summary>
    public string File { get; }

    /// <summary>The line number (as text) or the JSON path of the error; empty for the file as a whole.</summary>
    public string Where { get; }
}
