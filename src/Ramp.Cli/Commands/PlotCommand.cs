using System.CommandLine;
using Ramp.Cli.Cli;
using Ramp.Reports.Charts;
using Ramp.Schedules.Evaluation;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp plot SPEC [SPEC...] --steps N -o FILE.png|FILE.svg [--log-y] [--base-lr ...] [--title ...]</c>:
/// draws schedules on one chart with a legend.
/// </summary>
public static class PlotCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var specs = new Argument<string[]>("SPEC")
        {
            Description = "One or more schedules (peer Python call or native text); each becomes a line.",
            Arity = ArgumentArity.OneOrMore,
        };
        var steps = ScheduleOptions.Steps();
        var baseLrs = ScheduleOptions.BaseLrs();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The chart file to write: .png or .svg.",
            HelpName = "FILE",
            Required = true,
        };
        output.Validators.Add(result =>
        {
            var path = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".png" or ".svg")) result.AddError($"--output: '{path}' must end in .png or .svg");
        });
        var logY = new Option<bool>("--log-y") { Description = "Logarithmic learning-rate axis." };
        var title = new Option<string?>("--title") { Description = "Chart title.", HelpName = "TEXT" };
        var command = new Command("plot", "Draw one or more schedules on one chart (PNG or SVG).")
        {
            specs, steps, baseLrs, output, logY, title,
        };
        command.WithExamples(
            new CommandExample(
                "ramp plot \"transformers.get_linear_schedule_with_warmup(num_warmup_steps=100, " +
                    "num_training_steps=1000)\" \"torch.optim.lr_scheduler.OneCycleLR(max_lr=1.0, total_steps=1000)\" --steps 1000 " +
                    "-o warmups.png",
                "Two schedules on one chart, legend naming each."),
            new CommandExample(
                "ramp plot \"torch.optim.lr_scheduler.ExponentialLR(gamma=0.99)\" --steps 500 --base-lr 0.1 --log-y -o decay.svg " +
                    "--title \"Exponential decay\"",
                "An SVG with a logarithmic learning-rate axis and a title."),
            new CommandExample(
                "ramp plot \"torch.optim.lr_scheduler.StepLR(step_size=30, gamma=0.1)\" --steps 100 --base-lr 0.1,0.01 -o groups.png",
                "Two parameter groups: one line per group."));
        command.SetAction(result => Run(
            result.GetRequiredValue(specs),
            result.GetRequiredValue(steps),
            result.GetRequiredValue(baseLrs),
            result.GetRequiredValue(output),
            result.GetValue(logY),
            result.GetValue(title),
            result.InvocationConfiguration.Output,
            result.GetResult(baseLrs) is { Implicit: false }));
        return command;
    }

    /// <summary>Evaluates the schedules, draws and saves the chart, and prints the file written.</summary>
    internal static int Run(
        string[] specTexts, long steps, double[] baseLrs, string path, bool logY, string? title, TextWriter stdout,
            bool baseLrGiven = false)
    {
        PathChecks.OutputFile("--output", path);
        var lines = new List<(string Label, IReadOnlyList<double> Values)>();
        foreach (var text in specTexts)
        {
            var set = SpecInput.ParseAndBind(text, baseLrs);
            SpecInput.RefuseIgnoredBaseLr(text, set, baseLrs, baseLrGiven);
            var table = LrTable.Compute(set, steps, baseLrs);
            var label = SpecInput.Shorten(text);
            for (var g = 0; g < set.Groups; g++)
            {
                var values = table.Lr.Select(row => row[g]).ToArray();
                lines.Add((set.Groups == 1 ? label : $"{label} [group {g}]", values));
            }
        }
        if (logY && lines.All(l => l.Values.All(v => !(v > 0))))
        {
            throw new UsageException("--log-y: no schedule has a positive learning rate to draw on a logarithmic axis");
        }
        var plot = ScheduleChart.Create(lines, title, logY);
        try
        {
            PathChecks.CreateParent(path);
            ChartTheme.Save(plot, path, ChartTheme.Width, ScheduleChart.HeightFor(lines.Count));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new UsageException($"{path}: cannot write chart: {CommandLineRunner.OneLine(ex.Message)}", ex);
        }
        stdout.WriteLine($"wrote {path}");
        return ExitCodes.Success;
    }
}
