using System.CommandLine;
using Ramp.Cli.Cli;
using Ramp.Cli.Commands;

namespace Ramp.Cli;

/// <summary>Entry point of the <c>ramp</c> command.</summary>
public static class Program
{
    /// <summary>
    /// The registration point: one factory per command, in the order <c>ramp --help</c> lists them.
    /// Each command lives in its own file under <c>Commands/</c>.
    /// </summary>
    internal static readonly Func<Command>[] Commands =
    [
        LrCommand.Create,
        PlotCommand.Create,
        TrainCommand.Create,
        CompareCommand.Create,
        FindLrCommand.Create,
        FindLrBenchCommand.Create,
        ReportCommand.Create,
        DemoCommand.Create,
        DoctorCommand.Create,
    ];

    /// <summary>Runs the command line and returns the exit code (0 success, 2 user mistake, 1 failure).</summary>
    public static int Main(string[] args)
    {
        // A large table goes out through one buffer instead of a flush per line (Console.Out auto-flushes).
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
        try
        {
            return Run(args, stdout, Console.Error);
        }
        finally
        {
            stdout.Flush();
        }
    }

    /// <summary>
    /// Runs <c>ramp</c> in-process with explicit output writers (what tests call); returns the exit code:
    /// 0 success, 2 user mistake (one line on <paramref name="stderr"/>), 1 internal failure.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        CommandLineRunner.Run(CommandLineRunner.BuildRoot(Commands), args, stdout, stderr);
}
