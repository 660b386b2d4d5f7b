using Ramp.Runs;
using System.CommandLine;
using Ramp.Cli.Cli;
using Ramp.Reports.Html;
using Ramp.Reports.Measures;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp report DIR... [--out DIR] [--target X] [--stable-rate R]</c>: merges the run folders of one or more
/// comparison directories (shards) into one report: <c>report.html</c>, <c>summary.csv</c> and <c>charts/</c>.
/// </summary>
public static class ReportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dirs = new Argument<string[]>("DIR")
        {
            Description = "Comparison directories (holding runs/), directories of run folders, or run folders.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write the report; default: the first DIR.",
            HelpName = "DIR",
        };
        var target = new Option<double?>("--target")
        {
            Description = "Steps-to-target threshold on the smoothed training metric (default: median final of the stable runs).",
            HelpName = "X",
        };
        var stable = new Option<double>("--stable-rate")
        {
            Description = "A cell is stable when at most this share of its seeds diverged.",
            HelpName = "R",
            DefaultValueFactory = _ => MeasureOptions.Default.StableRate,
        };
        stable.Validators.Add(r =>
        {
            // A token that is not a number is the parser's own error (one line, exit 2); reading it here would throw.
            if (r.Tokens.Count > 0 && !double.TryParse(r.Tokens[^1].Value, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out _)) return;
            // NaN fails every comparison, so the range is asked for, not its complement.
            var rate = r.GetValueOrDefault<double>();
            if (rate is not (>= 0 and <= 1)) r.AddError($"--stable-rate must be in [0, 1] but " +
                $"was {rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        });
        var command = new Command("report", "Merge the run folders of comparison directories into one HTML report, summary.csv and charts.")
        {
            dirs, output, target, stable,
        };
        command.WithExamples(
            new CommandExample("ramp report cmp", "Write cmp/report.html, cmp/summary.csv and cmp/charts/ from cmp/runs/."),
            new CommandExample("ramp report shard1 shard2 --out merged", "Merge two shards of one grid into merged/report.html."));
        command.SetAction(result => Run(
            result.GetRequiredValue(dirs), result.GetValue(output), result.GetValue(target), result.GetValue(stable),
            result.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Reads the runs, writes the report and prints its path.</summary>
    internal static int Run(string[] dirs, string? outDir, double? target, double stableRate, TextWriter stdout)
    {
        var to = outDir ?? dirs[0];
        foreach (var dir in dirs) PathChecks.InputFolder("DIR", dir);
        PathChecks.OutputFolder(outDir is null ? "DIR" : "--out", to);
        var command = "ramp report " + string.Join(' ', dirs.Select(Quote)) + (outDir is null ? "" : $" --out {Quote(outDir)}")
            + (target is { } t ? $" --target {t}" : "");
        try
        {
            var runs = RunFolderReader.ReadAll(dirs);
            if (target is { } x) CheckTarget(x, runs);
            var path = ReportWriter.WriteStudy(dirs, runs, to, new ReportOptions(Commands: [command],
                Measures: new MeasureOptions(target, stableRate)));
            stdout.WriteLine($"wrote {Path.GetFullPath(path)}");
            stdout.WriteLine($"  {Path.GetFullPath(Path.Combine(to, "summary.csv"))}");
            stdout.WriteLine($"  {Path.GetFullPath(Path.Combine(to, ReportWriter.ChartsFolder))}/ (PNG and SVG)");
            return ExitCodes.Success;
        }
        catch (RunFolderException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    // An accuracy target outside [0, 1] (or any non-finite one) is never reached: a mistake, not a measurement.
    private static void CheckTarget(double target, IReadOnlyList<Run> runs)
    {
        if (!double.IsFinite(target)) throw new UsageException($"--target: must be a finite number but " +
            $"was {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        // Lone runs have no case study: "" names their group, so a null can only mean "no group measured by accuracy".
        var accuracy = runs.GroupBy(r => r.Config.CaseStudy ?? "").Where(g => FinalMetric.KindFor(g) == MetricKind.Accuracy)
            .Select(g => g.Key).FirstOrDefault();
        if (accuracy is not null && target is < 0 or > 1)
            throw new UsageException($"--target {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}: the " +
                $"runs{(accuracy.Length > 0 ? $" of {accuracy}" : "")} are measured by accuracy, which lies in [0, 1]");
    }

    private static string Quote(string s) => s.Contains(' ') ? $"\"{s}\"" : s;
}
