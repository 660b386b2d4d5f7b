using System.Text.RegularExpressions;

namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// Every <c>ramp</c> example the user can read, collected from the texts themselves so the tests cannot drift from
/// them: the fenced shell blocks (no language, <c>bash</c>, <c>sh</c>, <c>shell</c>, <c>console</c>) of
/// <c>README.md</c> and <c>docs/*.md</c>, and the <c>Examples:</c> section of every command's <c>--help</c>.
/// A line is an example when it starts with <c>ramp </c> or <c>dotnet run --project src/Ramp.Cli ... --</c>.
/// Lines with metavariables (<c>SPEC</c>, <c>&lt;command&gt;</c>, <c>[--opt]</c>, <c>${VAR}</c>) are syntax templates,
/// not examples, and are listed in <see cref="Templates"/>.
/// </summary>
public static partial class ExampleCatalog
{
    private static readonly Lazy<(List<DocumentedExample> Examples, List<string> Templates)> All = new(Collect);

    /// <summary>Every example, in document order, then the help examples.</summary>
    public static IReadOnlyList<DocumentedExample> Examples => All.Value.Examples;

    /// <summary>The syntax templates found (source: line), which are not run.</summary>
    public static IReadOnlyList<string> Templates => All.Value.Templates;

    /// <summary>The repository root (the folder holding <c>Ramp.slnx</c>).</summary>
    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Ramp.slnx"))) return d.FullName;
        throw new InvalidOperationException("Ramp.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The documents read, relative to the repository root.</summary>
    public static IEnumerable<string> Documents() =>
        new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(RepoRoot, "docs"), "*.md")
            .Select(p => Path.GetRelativePath(RepoRoot, p).Replace('\\', '/')).Order(StringComparer.Ordinal));

    private static (List<DocumentedExample>, List<string>) Collect()
    {
        var examples = new List<DocumentedExample>();
        var templates = new List<string>();
        foreach (var doc in Documents()) FromMarkdown(doc, File.ReadAllLines(Path.Combine(RepoRoot, doc)), examples, templates);
        FromHelp(examples, templates);
        return (examples, templates);
    }

    /// <summary>The examples of one Markdown text.</summary>
    internal static void FromMarkdown(string doc, string[] lines, List<DocumentedExample> examples, List<string> templates)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart();
            if (!fence.StartsWith("```", StringComparison.Ordinal)) continue;
            var lang = fence[3..].Trim();
            var start = i;
            var end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal)) end++;
            if (lang is "" or "bash" or "sh" or "shell" or "console")
            {
                var around = Paragraph(lines, start - 1, -1) + "\n" + Paragraph(lines, end + 1, +1);
                for (var k = start + 1; k < end; k++)
                {
                    var first = k;
                    var text = lines[k].Trim();
                    while (text.EndsWith('\\') && k + 1 < end) text = text[..^1].TrimEnd() + " " + lines[++k].Trim();
                    Add($"{doc}:{first + 1}", text, around, examples, templates);
                }
            }
            i = end;
        }
    }

    private static void FromHelp(List<DocumentedExample> examples, List<string> templates)
    {
        var commands = new List<string[]> { new[] { "--help" } };
        commands.AddRange(Program.Commands.Select(create => new[] { create().Name, "--help" }));
        foreach (var args in commands)
        {
            var run = CliRun.Of(args);
            var lines = run.Out.Split('\n');
            var at = Array.FindIndex(lines, l => l.TrimEnd() == "Examples:");
            if (at < 0) continue;
            for (var k = at + 1; k < lines.Length - 1; k++)
                if (lines[k].StartsWith("  ramp ", StringComparison.Ordinal))
                    Add($"ramp {string.Join(' ', args)}", lines[k].Trim(), lines[k + 1].Trim(), examples, templates);
        }
    }

    private static void Add(string source, string text, string around, List<DocumentedExample> examples, List<string> templates)
    {
        if (text.StartsWith("$ ", StringComparison.Ordinal)) text = text[2..];
        string rest;
        if (text.StartsWith("ramp ", StringComparison.Ordinal)) rest = text[5..];
        else if (text.StartsWith("dotnet run --project src/Ramp.Cli", StringComparison.Ordinal) && text.IndexOf(" -- ", StringComparison.Ordinal) is > 0 and var dd)
            rest = text[(dd + 4)..];
        else return;
        var (words, comment) = ShellWords.Split(rest);
        var commandLine = comment.Length == 0 ? rest.Trim() : rest[..rest.LastIndexOf('#')].Trim();
        if (Template().IsMatch(Unquoted(commandLine)))
        {
            templates.Add($"{source}: {text}");
            return;
        }
        string? stdoutTo = null;
        if (words.IndexOf(">") is >= 0 and var redirect && redirect == words.Count - 2)
        {
            stdoutTo = words[^1];
            words.RemoveRange(redirect, 2);
        }
        examples.Add(new DocumentedExample(source, commandLine, words, (comment + "\n" + around).Trim(), stdoutTo));
    }

    /// <summary>The non-blank lines next to a block, outside any block, up to a blank line or heading.</summary>
    private static string Paragraph(string[] lines, int from, int direction)
    {
        var taken = new List<string>();
        for (var i = from; i >= 0 && i < lines.Length; i += direction)
        {
            var l = lines[i].Trim();
            if (l.Length == 0 || l.StartsWith('#') || l.StartsWith("```", StringComparison.Ordinal)) break;
            taken.Add(l);
        }
        if (direction < 0) taken.Reverse();
        return string.Join(' ', taken);
    }

    private static string Unquoted(string text) => QuotedPart().Replace(text, "\"\"");

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex QuotedPart();

    // Metavariables: SPEC, PEAK, FILE.png, <command>, [--opt], ${VAR}, "..."
    [GeneratedRegex(@"\b[A-Z][A-Z_]+\b|<\w|\[|\$\{|\.\.\.")]
    private static partial Regex Template();
}
