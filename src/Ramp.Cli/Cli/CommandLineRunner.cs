using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using Ramp.Schedules.Text;

namespace Ramp.Cli.Cli;

/// <summary>
/// Builds the <c>ramp</c> root command from the registered commands, runs it against explicit output writers and
/// turns every failure into an exit code: a user mistake prints one line <c>ramp: ...</c> and gives
/// <see cref="ExitCodes.Usage"/>; anything unexpected gives <see cref="ExitCodes.Failure"/>.
/// </summary>
public static class CommandLineRunner
{
    /// <summary>Set this environment variable to 1 to see the stack trace of an internal failure.</summary>
    public const string DebugVariable = "RAMP_DEBUG";

    /// <summary>Creates the root command holding <paramref name="commands"/>, with help examples installed.</summary>
    public static RootCommand BuildRoot(IEnumerable<Func<Command>> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var root = new RootCommand("ramp: learning-rate warmup and scheduling for TorchSharp.")
            .WithExamples(
                new CommandExample("ramp lr \"torch.optim.lr_scheduler.StepLR(step_size=30, gamma=0.1)\" --steps 100 --base-lr 0.1",
                    "Print the learning rate of every step as CSV."),
                new CommandExample("ramp <command> --help", "Show the options and examples of one command."));
        foreach (var create in commands) root.Subcommands.Add(create());
        Examples.InstallHelp(root);
        // The default prints the entry assembly's version, which in-process (tests, hosts) is not ramp's.
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion();
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            var result = root.Parse(args);
            if (result.Action is ParseErrorAction && result.Errors.Count > 0)
            {
                var helpHint = $"{CommandPath(result.CommandResult)} --help";
                return Fail(stderr, $"{OneLine(FirstError(result)).TrimEnd('.')}{Suggestion(result)} (see '{helpHint}')", ExitCodes.Usage);
            }
            var configuration = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            };
            return result.Invoke(configuration);
        }
        catch (UsageException ex)
        {
            return Fail(stderr, OneLine(ex.Message), ExitCodes.Usage);
        }
        catch (SpecException ex)
        {
            return Fail(stderr, $"spec {OneLine(ex.Message)}", ExitCodes.Usage);
        }
        catch (Exception ex)
        {
            var message = $"internal error: {ex.GetType().Name}: {OneLine(ex.Message)}";
            if (IsNativeLoadFailure(ex)) message += " (run 'ramp doctor' to see why)";
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1") message += Environment.NewLine + ex;
            else message += $" (set {DebugVariable}=1 for details)";
            return Fail(stderr, message, ExitCodes.Failure);
        }
    }

    /// <summary>The version <c>ramp --version</c> prints: the informational version of this assembly.</summary>
    public static string Version { get; } =
        typeof(CommandLineRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CommandLineRunner).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>
    /// The error worth showing when there are several: an unknown word the user typed explains more than the
    /// "required command" complaint it causes.
    /// </summary>
    private static string FirstError(ParseResult result) =>
        result.Errors.FirstOrDefault(e => result.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))?.Message
        ?? result.Errors[0].Message;

    // "ramp demo quadratic", not "ramp quadratic": the help that exists for a nested command.
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? at = command; at is CommandResult c; at = c.Parent)
            if (c.Command is not RootCommand) names.Insert(0, c.Command.Name);
        return string.Join(' ', ["ramp", .. names]);
    }

    // A misspelt command or option: the nearest names the command accepts.
    private static string Suggestion(ParseResult result)
    {
        if (result.UnmatchedTokens.Count == 0) return "";
        var command = result.CommandResult.Command;
        var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)
            .Concat(command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Append(o.Name)));
        var nearest = NearestNames.Find(result.UnmatchedTokens[0], names, max: 2);
        return nearest.Count == 0 ? "" : $"; did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?";
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }

    /// <summary>A native library (TorchSharp's, libtorch) failed to load: <c>ramp doctor</c> says why.</summary>
    internal static bool IsNativeLoadFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DllNotFoundException or BadImageFormatException) return true;
            if (ex is NotSupportedException && ex.Message.Contains("libtorch", StringComparison.OrdinalIgnoreCase)) return true;
            if (ex is TypeInitializationException t && t.TypeName?.StartsWith("TorchSharp", StringComparison.Ordinal) == true) return true;
        }
        return false;
    }

    private static int Fail(TextWriter stderr, string message, int code)
    {
        stderr.WriteLine($"ramp: {message}");
        return code;
    }

    /// <summary>Collapses line breaks so an error stays on one line.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
