using System.Text.RegularExpressions;

namespace Ramp.Reports.Html;

/// <summary>The commands behind a report as the user typed them: without the flags a command adds for its own workers.</summary>
public static partial class CommandLines
{
    /// <summary>
    /// <paramref name="commands"/> without internal flags (<c>--worker i/n</c>, which <c>ramp compare</c> passes to
    /// the processes it starts), duplicates removed, in first-seen order.
    /// </summary>
    public static IReadOnlyList<string> AsTyped(IEnumerable<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return commands.Select(c => Internal().Replace(c, "").Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\s+--worker(?:\s+|=)\S+")]
    private static partial Regex Internal();
}
