namespace Ramp.Cli.Tests.Examples;

/// <summary>One <c>ramp</c> command line as a document shows it, with the words around it that say what it does.</summary>
/// <param name="Source">Where it is: <c>README.md:64</c>, <c>docs/cli.md:12</c> or <c>ramp train --help</c>.</param>
/// <param name="CommandLine">The command as written, continuation lines joined, without its trailing comment.</param>
/// <param name="Args">The arguments after <c>ramp</c>, split as a POSIX shell would.</param>
/// <param name="Prose">
/// The claim: the comment on its line, and for a document the paragraphs just before and after its block; for
/// <c>--help</c> the explanation printed under it.
/// </param>
/// <param name="StdoutTo">The file its standard output is redirected to (<c>&gt; lr.csv</c>), or null.</param>
public sealed record DocumentedExample(string Source, string CommandLine, IReadOnlyList<string> Args, string Prose, string? StdoutTo = null)
{
    /// <summary>The subcommand (<c>train</c>, <c>compare</c>, ...).</summary>
    public string Command => Args.Count > 0 ? Args[0] : "";

    /// <summary>The value after <paramref name="option"/>, or null when the option is absent.</summary>
    public string? Option(params string[] option)
    {
        for (var i = 1; i < Args.Count - 1; i++)
            if (option.Contains(Args[i])) return Args[i + 1];
        return null;
    }

    /// <summary>Whether the flag <paramref name="flag"/> is given.</summary>
    public bool Has(string flag) => Args.Contains(flag);

    public override string ToString() => $"{Source}: ramp {CommandLine}";
}
