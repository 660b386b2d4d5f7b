using Ramp.Runs;
using Ramp.Training.Studies;
using Ramp.Training.Studies.Halving;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp compare --halving</c>: plans each stage of successive halving from the run folders, writes the decisions
/// to <c>DIR/halving.jsonl</c>, and has the stage's runs trained to their rungs (or ends). A killed study plans the
/// same stages again: runs already at their rung are not trained again, so it resumes where it stopped.
/// </summary>
public static class HalvingRun
{
    /// <summary>What a halving comparison works on.</summary>
    /// <param name="Out">The comparison directory.</param>
    /// <param name="Cells">Every run of the grid.</param>
    /// <param name="Options">eta and the first rung.</param>
    /// <param name="Output">Where the rung lines go.</param>
    public sealed record Context(string Out, IReadOnlyList<StudyCell> Cells, HalvingOptions Options, TextWriter Output);

    /// <summary>The halving of <paramref name="cells"/> trained into <paramref name="outDir"/>: rung values read from the run
    /// folders.</summary>
    public static SuccessiveHalving Plan(string outDir, IReadOnlyList<StudyCell> cells, HalvingOptions options)
    {
        var runner = new GridRunner(outDir);
        return new SuccessiveHalving(cells, options, (c, step) => Metric(runner.FolderOf(c), step, !c.Grid.Model.IsText));
    }

    /// <summary>Runs every stage; <paramref name="train"/> trains a stage's runs, given a title and the per-run progress action.</summary>
    public static void Execute(Context context, Action<HalvingStage, string, Action<string>> train)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(train);
        var halving = Plan(context.Out, context.Cells, context.Options);
        var cells = context.Cells.Select(c => (c.Grid.CaseStudy, c.Arm.Name, c.PeakLr)).Distinct().Count();
        var stages = context.Cells.Max(c => HalvingLadder.Rungs(c, context.Options).Count) + 1;
        for (var k = 0; ; k++)
        {
            var stage = halving.Stage(k);
            HalvingLog.Write(context.Out, stage.Decisions);
            var title = $"rung {k + 1} of {stages}: {stage.Survivors} of {cells} cells";
            var steps = stage.Runs.Select(x => x.StopAt).Distinct().Order().ToArray();
            var end = stage.Last ? " (the end)" : "";
            context.Output.WriteLine($"{title}, {stage.Runs.Count} runs to step {string.Join(" / ", steps)}{end}");
            new CompareProgress(context.Output, stage.Runs.Count, title: title).Run(report => train(stage, title, report));
            if (stage.Last) break;
        }
        var last = halving.Stage(stages - 1);
        var log = Path.Combine(context.Out, HalvingLog.FileName);
        context.Output.WriteLine($"halving: {last.Survivors} of {cells} cells trained to the end; decisions in {log}");
    }

    // A run that failed (an error, not a divergence) has no rows to the rung: it ranks last, as a diverged one.
    private static double Metric(string folder, long step, bool accuracy)
    {
        try
        {
            return RungMetric.At(folder, step, accuracy);
        }
        catch (Exception e) when (e is InvalidOperationException or RunFolderException or IOException)
        {
            return double.NaN;
        }
    }
}
