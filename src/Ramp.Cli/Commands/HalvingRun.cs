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
        var stages = Stages(context.Cells, context.Options);
        for (var k = 0; ; k++)
        {
            var stage = halving.Stage(k);
            HalvingLog.Write(context.Out, stage.Decisions);
            var title = Title(stage, context.Cells, stages);
            context.Output.WriteLine(Line(stage, context.Cells, stages));
            new CompareProgress(context.Output, stage.Runs.Count, title: title).Run(report => train(stage, title, report));
            if (stage.Last) break;
        }
        var last = halving.Stage(stages - 1);
        var log = Path.Combine(context.Out, HalvingLog.FileName);
        context.Output.WriteLine($"halving: {last.Survivors} of {CellCount(context.Cells)} cells trained to the end; decisions in {log}");
    }

    /// <summary>How many stages (rungs, the last one to the end) halving <paramref name="cells"/> takes.</summary>
    public static int Stages(IReadOnlyList<StudyCell> cells, HalvingOptions options) =>
        cells.Max(c => HalvingLadder.Rungs(c, options).Count) + 1;

    /// <summary>The progress title of a stage: <c>rung 2 of 4: 18 of 48 cells</c> (rungs counted from 1).</summary>
    public static string Title(HalvingStage stage, IReadOnlyList<StudyCell> cells, int stages)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return $"rung {stage.Index + 1} of {stages}: {stage.Survivors} of {CellCount(cells)} cells";
    }

    /// <summary>The line that opens a stage: its title, its runs and the steps they stop at (<c>, 18 runs to step 150 / 464</c>).</summary>
    public static string Line(HalvingStage stage, IReadOnlyList<StudyCell> cells, int stages)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var steps = stage.Runs.Select(x => x.StopAt).Distinct().Order().ToArray();
        var end = stage.Last ? " (the end)" : "";
        return $"{Title(stage, cells, stages)}, {stage.Runs.Count} runs to step {string.Join(" / ", steps)}{end}";
    }

    /// <summary>
    /// <c>--plan</c>: the line of every stage, without training. How many cells survive each rung and where each stops
    /// follow from the grid alone (not which cells: that needs the rows), so every rung is planned with an even metric.
    /// </summary>
    public static void WritePlan(IReadOnlyList<StudyCell> cells, HalvingOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var even = new SuccessiveHalving(cells, options, (_, _) => 0);
        var stages = Stages(cells, options);
        for (var k = 0; k < stages; k++) output.WriteLine(Line(even.Stage(k), cells, stages));
    }

    // A cell is an arm at a peak in a case study, with all its seeds.
    private static int CellCount(IReadOnlyList<StudyCell> cells) =>
        cells.Select(c => (c.Grid.CaseStudy, c.Arm.Name, c.PeakLr)).Distinct().Count();

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
