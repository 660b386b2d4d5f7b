namespace Ramp.Schedules.Text;

/// <summary>
/// The one error a schedule text can produce: where in the text, what was expected, and the nearest accepted
/// names when a name was misspelt. <see cref="Exception.Message"/> is a single line meant for users.
/// </summary>
public sealed class SpecException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="position">Zero-based character offset in the spec text.</param>
    /// <param name="problem">What is wrong, e.g. <c>expected ')' but found ','</c>.</param>
    /// <param name="suggestions">Nearest accepted names, best first; may be empty.</param>
    public SpecException(int position, string problem, IReadOnlyList<string>? suggestions = null)
        : base(Format(position, problem, suggestions ?? []))
    {
        Position = position;
        Problem = problem;
        Suggestions = suggestions ?? [];
    }

    /// <summary>Zero-based character offset in the spec text.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }

    /// <summary>Nearest accepted names, best first.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    private static string Format(int position, string problem, IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0
            ? $"at column {position + 1}: {problem}"
            : $"at column {position + 1}: {problem} (did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?)";
}
