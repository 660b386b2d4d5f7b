using System.CommandLine;
using System.Globalization;
using Ramp.Cli.Cli;
using Ramp.Training.Tuning.RangeTest;
using Ramp.Training.Tuning.Validation;
using TorchSharp;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp find-lr-bench --out DIR [--cases a,b]</c> (hidden): regenerates the find-lr table of docs/find-lr.md, find-lr's
/// recommendation against a fixed sweep on six model/optimizer combinations (<see cref="FindLrCase.Table"/>).
/// </summary>
public static class FindLrBenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder for each case's range test and sweep (a sweep already there is reused).",
            Required = true,
            HelpName = "DIR"
        };
        var cases = new Option<string?>("--cases") { Description = "Comma-separated case names (default: all six).", HelpName = "NAMES" };
        var command = new Command("find-lr-bench", "Measure find-lr's recommendation against a fixed sweep (the table of docs/find-lr.md).")
        {
            output, cases,
        };
        command.Hidden = true;
        command.WithExamples(new CommandExample("ramp find-lr-bench --out runs/find-lr-bench --cases mlp-sgd-m0.9",
            "One row of the table: find-lr on the fmnist-sgd MLP with momentum 0.9, its recommendation trained for 186 steps, and the " +
                "sweep beside it (minutes)."));
        command.SetAction(result => Execute(result.GetRequiredValue(output), result.GetValue(cases),
            result.InvocationConfiguration.Output));
        return command;
    }

    private static int Execute(string output, string? names, TextWriter console)
    {
        var chosen = FindLrCase.Table.ToList();
        if (names is not null)
        {
            var wanted = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var unknown = wanted.FirstOrDefault(n => FindLrCase.Table.All(c => c.Name != n));
            if (unknown is not null)
                throw new UsageException($"--cases: unknown case '{unknown}' " +
                    $"(use {string.Join(", ", FindLrCase.Table.Select(c => c.Name))})");
            chosen = FindLrCase.Table.Where(c => wanted.Contains(c.Name)).ToList();
        }
        // One thread: the table is measured on a shared machine, where more threads only contend.
        torch.set_num_threads(1);
        var rows = new List<FindLrBenchRow>();
        foreach (var c in chosen)
        {
            rows.Add(FindLrBench.Run(c, new RangeTestPlan(), FindLrRun.DefaultColdStartSteps, output, line =>
                { console.WriteLine(line); console.Flush(); }));
        }
        var table = Table(rows);
        File.WriteAllText(Path.Combine(output, "table.md"), table);
        console.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>The markdown table: one row per case.</summary>
    internal static string Table(IEnumerable<FindLrBenchRow> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| combination | steps | recommended peak, warmup | its result | best sweep peak (warmup) | its result | short by " +
            "| held | search cost |");
        sb.AppendLine("|---|---:|---|---|---|---|---:|---|---:|");
        foreach (var r in rows)
        {
            var rec = r.Findings.Recommendation;
            var best = r.Best;
            var text = r.Case.Model.IsText;
            string Result(Ramp.Training.Tuning.Runner.TrialRun? run) => run is null ? "-" : FindLrBench.Describe(run);
            sb.AppendLine(F($"| {r.Case.Name} | {r.Case.Steps} | {(rec is null ? "none" : F($"{rec.PeakLr:G3}, {rec.WarmupSteps}"))} | ") +
                F($"{Result(r.Recommended)} | ")
                + (best is { } b ? F($"{b.Peak:G3} ({r.Case.SweepWarmup}) | {Result(b.Run)} | ") : "- | - | ")
                + (r.Shortfall is { } s ? (text ? F($"{s:F3} nats") : F($"{s * 100:F1} pt")) : "-")
                + F($" | {(r.Held ? "yes" : "no")} | {r.SearchCost * 100:F0}% |"));
        }
        return sb.ToString();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
