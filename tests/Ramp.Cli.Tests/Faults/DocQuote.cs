using Ramp.Cli.Tests.Examples;

namespace Ramp.Cli.Tests.Faults;

/// <summary>
/// The lines the docs quote as what <c>ramp</c> prints (fenced lines that start with <c>ramp: </c>), so the fault tests
/// can assert that the binary prints exactly them and the docs cannot drift from it.
/// </summary>
public static class DocQuote
{
    /// <summary>The one fenced line of <paramref name="doc"/> (relative to the repository root) that starts with <paramref name="start"/>.</summary>
    public static string Line(string doc, string start)
    {
        var fenced = false;
        var found = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(ExampleCatalog.RepoRoot, doc)))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            else if (fenced && line.StartsWith(start, StringComparison.Ordinal)) found.Add(line);
        }
        return Assert.Single(found);
    }
}
