using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Ramp.Cli.Cli;

/// <summary>
/// Examples attached to commands and printed after System.CommandLine's own help text. Every command registers
/// at least one with <see cref="WithExamples{T}"/>; a test checks that each <c>--help</c> shows them.
/// </summary>
public static class Examples
{
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<CommandExample>> Table = new();

    /// <summary>Attaches <paramref name="examples"/> to <paramref name="command"/> and returns the command.</summary>
    public static T WithExamples<T>(this T command, params CommandExample[] examples)
        where T : Command
    {
        ArgumentNullException.ThrowIfNull(command);
        Table.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>The examples attached to <paramref name="command"/>; empty when none.</summary>
    public static IReadOnlyList<CommandExample> Of(Command command) =>
        Table.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>
    /// Makes the <c>--help</c> option of <paramref name="root"/> (inherited by every subcommand) print the
    /// command's examples after the standard help.
    /// </summary>
    public static void InstallHelp(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction standard) help.Action = new HelpWithExamples(standard);
    }

    private sealed class HelpWithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            var examples = Of(parseResult.CommandResult.Command);
            if (examples.Count == 0) return code;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine($"  {example.CommandLine}");
                output.WriteLine($"      {example.Explanation}");
            }
            output.WriteLine();
            return code;
        }
    }
}
