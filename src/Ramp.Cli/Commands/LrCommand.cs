using System.CommandLine;
using Ramp.Cli.Cli;
using Ramp.Schedules.Evaluation;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp lr SPEC --steps N [--base-lr A[,B,...]] [--metrics FILE]</c>: prints the learning rate of every step
/// as CSV, following the reference protocol of <see cref="LrTable"/>.
/// </summary>
/// <remarks>
/// Columns: <c>step,lr</c> for one group, <c>step,lr0,lr1,...</c> for several, then <c>momentum</c> (or
/// <c>momentum0,...</c>) where the schedule cycles momentum. Numbers are in shortest round-trip form.
/// </remarks>
public static class LrCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<string>("SPEC")
        {
            Description = "The schedule: a peer's Python call (PyTorch, transformers, timm, optax, DeepSpeed, Keras) or " +
                "Ramp's native text.",
        };
        var steps = ScheduleOptions.Steps();
        var baseLrs = ScheduleOptions.BaseLrs();
        var metrics = new Option<string?>("--metrics")
        {
            Description = "File with one metric per line, the value observed after step t (for plateau schedules).",
            HelpName = "FILE",
        };
        var command = new Command("lr", "Print the learning rate (and momentum) of every step as CSV.")
        {
            spec, steps, baseLrs, metrics,
        };
        command.WithExamples(
            new CommandExample(
                "ramp lr \"torch.optim.lr_scheduler.OneCycleLR(max_lr=0.1, total_steps=1000)\" --steps 1000",
                "OneCycle's learning rate and momentum for 1000 steps."),
            new CommandExample(
                "ramp lr \"transformers.get_cosine_schedule_with_warmup(num_warmup_steps=100, num_training_steps=1000)\" --steps 1000 " +
                    "--base-lr 3e-4,1e-4",
                "Two parameter groups: columns step,lr0,lr1."),
            new CommandExample(
                "ramp lr \"torch.optim.lr_scheduler.ReduceLROnPlateau(patience=2)\" --steps 13 --base-lr 0.1 --metrics " +
                    "docs/images/schedules/plateau-val-loss.txt",
                "A plateau rule fed the metric after each step, one value per line (the shipped file: a validation loss that " +
                    "stalls at 0.7)."),
            new CommandExample(
                "ramp lr \"optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=1.0, warmup_steps=10, decay_steps=300)\" " +
                    "--steps 300 > lr.csv",
                "optax gives absolute values, so keep the default --base-lr 1.0."));
        command.SetAction(result => Run(
            result.GetRequiredValue(spec),
            result.GetRequiredValue(steps),
            result.GetRequiredValue(baseLrs),
            result.GetValue(metrics),
            result.InvocationConfiguration.Output,
            result.GetResult(baseLrs) is { Implicit: false }));
        return command;
    }

    /// <summary>Evaluates and prints the table; returns the exit code.</summary>
    internal static int Run(string specText, long steps, double[] baseLrs, string? metricsPath, TextWriter output, bool baseLrGiven = false)
    {
        var metrics = metricsPath is null ? null : MetricsFile.Read(metricsPath);
        var set = SpecInput.ParseAndBind(specText, baseLrs);
        SpecInput.RefuseIgnoredBaseLr(specText, set, baseLrs, baseLrGiven);
        var table = LrTable.Compute(set, steps, baseLrs, metrics);
        WriteCsv(table, set.Groups, output);
        return ExitCodes.Success;
    }

    /// <summary>Writes <paramref name="table"/> as CSV: a header line, then one row per step.</summary>
    public static void WriteCsv(LrTable table, int groups, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Header(groups, table.Momentum is not null));
        var row = new System.Text.StringBuilder();
        for (var t = 0; t < table.Lr.Length; t++)
        {
            row.Clear().Append(t);
            foreach (var lr in table.Lr[t]) row.Append(',').Append(CsvNumber.Format(lr));
            if (table.Momentum is { } momentum)
            {
                foreach (var m in momentum[t]) row.Append(',').Append(CsvNumber.Format(m));
            }
            output.WriteLine(row);
        }
    }

    /// <summary>The CSV header for <paramref name="groups"/> groups, with momentum columns when asked.</summary>
    public static string Header(int groups, bool momentum)
    {
        var columns = new List<string> { "step" };
        columns.AddRange(Names("lr", groups));
        if (momentum) columns.AddRange(Names("momentum", groups));
        return string.Join(',', columns);
    }

    private static IEnumerable<string> Names(string stem, int groups) =>
        groups == 1 ? [stem] : Enumerable.Range(0, groups).Select(g => $"{stem}{g}");
}
