using System.Globalization;
using Ramp.Cli.Cli;
using Ramp.Runs;
using Ramp.Training.Runs;
using Ramp.Training.Studies;
using Ramp.Training.Studies.Halving;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp compare --halving ... --rung k --shard i/n</c>: one rung of a halving study whose rungs are run one after
/// another by many processes sharing one <c>--out</c> (a Slurm array per rung, docs/jobs/compare-slurm-halving.sh).
/// Rung k (from 1) trains shard i of the runs that survive rung k-1 up to rung k's step, resuming each from its
/// checkpoint. What survives is decided once: the first task of rung k takes the study's <c>halving</c> lock, checks
/// that rung k-1 is complete, decides from the rows, writes <c>halving.jsonl</c> and releases the lock; every later
/// task (and every worker) finds those decisions recorded and follows them (<see cref="SuccessiveHalving.Recorded"/>).
/// The decider ran before any run of rung k trained, so no task reads rows that another is writing.
/// </summary>
public static class HalvingRungRun
{
    /// <summary>The name of the study folder's lock held while a rung is decided (<c>halving.lock</c>).</summary>
    public const string LockName = "halving";

    /// <summary>How long a task waits for another task deciding the same rung (reading every run's rows: seconds).</summary>
    public static readonly TimeSpan DecideWait = TimeSpan.FromMinutes(10);

    /// <summary>What a rung task works on.</summary>
    /// <param name="Request">The command's options (<see cref="CompareRequest.Rung"/> set).</param>
    /// <param name="Cells">Every run of the grid (all shards: a rung's decisions need them all).</param>
    /// <param name="Shard">This task's shard of the rung's runs.</param>
    /// <param name="Options">eta and the first rung.</param>
    /// <param name="Output">Where the lines go.</param>
    public sealed record Context(CompareRequest Request, IReadOnlyList<StudyCell> Cells, Shard Shard, HalvingOptions Options,
        TextWriter Output);

    /// <summary>A bad combination of <c>--rung</c> with the other options, as one line (<see cref="UsageException"/>).</summary>
    public static void Check(CompareRequest r, HalvingOptions? halving)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Rung is not { } k) return;
        if (halving is null)
            throw new UsageException($"--rung {k}: needs --halving eta=N,min_steps=N (a rung is a stage of successive halving)");
        if (r.Force)
            throw new UsageException($"--force: cannot be combined with --rung {k}: the tasks of a rung share --out, and one " +
                "would discard the runs of the others");
    }

    /// <summary>
    /// Decides the rung (or follows its recorded decisions) and trains this shard's runs of it with <paramref name="train"/>
    /// (the runs, where each pauses, the per-run progress action; returns the failures). Returns the failures.
    /// </summary>
    public static IReadOnlyList<string> Execute(Context context, Func<IReadOnlyList<StudyCell>, Func<StudyCell, long>, Action<string>,
        IReadOnlyList<string>> train)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(train);
        var (r, output) = (context.Request, context.Output);
        var stages = CheckedStages(context);
        var stage = Decide(context);
        var (mine, pause) = Share(stage, context.Shard);
        var title = $"{HalvingRun.Title(stage, context.Cells, stages)}, shard {context.Shard}";
        output.WriteLine(HalvingRun.Line(stage, context.Cells, stages));
        var into = Path.GetFullPath(Path.Combine(r.Out, "runs"));
        output.WriteLine($"shard {context.Shard}: {mine.Count} of its {stage.Runs.Count} runs into {into}");
        var failed = new List<string>();
        new CompareProgress(output, mine.Count, title: title).Run(report => failed.AddRange(train(mine, pause, report)));
        var next = stage.Last
            ? $"the last rung; once every shard is done: ramp report {r.Out}"
            : $"next: --rung {stage.Index + 2} once every shard of this rung is done";
        var done = $"{mine.Count - failed.Count} of {mine.Count} runs done";
        output.WriteLine($"rung {stage.Index + 1} of {stages}, shard {context.Shard}: {done}; {next}");
        return failed;
    }

    /// <summary>
    /// The runs a worker of a rung task trains (<c>--worker</c>): its task's share, from the decisions its task
    /// recorded before starting it (nothing is decided here).
    /// </summary>
    public static (IReadOnlyList<StudyCell> Runs, Func<StudyCell, long> PauseAt) WorkerShare(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var halving = HalvingRun.Plan(context.Request.Out, context.Cells, context.Options) with { Recorded = Recorded(context) };
        return Share(Stage(halving, context), context.Shard);
    }

    // Runs are dealt round-robin over the stage's runs (not the grid's cells), so every rung's survivors spread over the tasks.
    private static (IReadOnlyList<StudyCell>, Func<StudyCell, long>) Share(HalvingStage stage, Shard shard)
    {
        var mine = stage.Runs.Where((_, i) => shard.Contains(i)).ToArray();
        var at = mine.ToDictionary(x => x.Cell, x => x.StopAt);
        return ([.. mine.Select(x => x.Cell)], c => at[c]);
    }

    private static int CheckedStages(Context context)
    {
        var stages = HalvingRun.Stages(context.Cells, context.Options);
        var k = context.Request.Rung!.Value;
        if (k < 1 || k > stages)
            throw new UsageException($"--rung {k}: this study has {stages} rungs with --halving {context.Request.Halving} " +
                $"(1 to {stages}; --plan lists them)");
        return stages;
    }

    // Under the study's lock: the recorded decisions when the rung before has them, otherwise decided now and written.
    private static HalvingStage Decide(Context context)
    {
        var r = context.Request;
        var index = r.Rung!.Value - 1;
        // Checked before the lock too, which creates the folder: a rung started too early leaves nothing behind.
        if (index > 0) CheckComplete(r, Stage(HalvingRun.Plan(r.Out, context.Cells, context.Options), context, 0));
        using var held = Lock(r.Out);
        var recorded = Recorded(context);
        var halving = HalvingRun.Plan(r.Out, context.Cells, context.Options) with { Recorded = recorded };
        var known = recorded.Select(Key).ToHashSet();
        for (var s = 0; s < index; s++) CheckComplete(r, Stage(halving, context, s));
        var stage = Stage(halving, context);
        if (!stage.Decisions.All(d => known.Contains(Key(d)))) HalvingLog.Write(r.Out, stage.Decisions);
        return stage;
    }

    private static (int, string, string, double) Key(HalvingDecision d) => (d.Rung, d.CaseStudy, d.Arm, d.PeakLr);

    private static RunLock Lock(string outDir)
    {
        try
        {
            return RunLock.Acquire(outDir, LockName, DecideWait);
        }
        catch (RunLockedException e)
        {
            var pid = e.Holder?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
            throw new UsageException($"--out {outDir}: another task (PID {pid}) has been deciding this rung for " +
                $"{DecideWait.TotalMinutes} minutes; is it stuck?", e);
        }
    }

    // Every run of an earlier stage must have reached its step (or diverged) before the next rung is decided from them.
    private static void CheckComplete(CompareRequest r, HalvingStage stage)
    {
        var runner = new GridRunner(r.Out);
        var behind = stage.Runs.Where(x => !Reached(runner.FolderOf(x.Cell), x.StopAt, !x.Cell.Grid.Model.IsText)).ToArray();
        if (behind.Length == 0) return;
        var (cell, stopAt) = behind[0];
        throw new UsageException($"--rung {r.Rung}: rung {stage.Index + 1} is not complete in {r.Out}: {behind.Length} of its " +
            $"{stage.Runs.Count} runs have not reached their step (first: runs/{cell.RunId}, to step {stopAt}); run or resubmit " +
            $"rung {stage.Index + 1} first");
    }

    private static bool Reached(string folder, long step, bool accuracy)
    {
        try
        {
            RungMetric.At(folder, step, accuracy);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or RunFolderException or IOException)
        {
            return false;
        }
    }

    private static IReadOnlyList<HalvingDecision> Recorded(Context context)
    {
        try
        {
            return HalvingLog.Read(context.Request.Out);
        }
        catch (RunFolderException e)
        {
            throw new UsageException($"--out {context.Request.Out}: {e.Message}", e);
        }
    }

    private static HalvingStage Stage(SuccessiveHalving halving, Context context, int? index = null)
    {
        try
        {
            return halving.Stage(index ?? context.Request.Rung!.Value - 1);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"--out {context.Request.Out}: {e.Message}; remove it or choose another --out", e);
        }
    }
}
