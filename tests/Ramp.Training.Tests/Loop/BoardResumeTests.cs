using Ramp.Runs;
using Ramp.Schedules;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Warmup;
using Ramp.Training.Guards;
using Ramp.Training.Loop;
using Ramp.Training.Monitoring;
using TorchSharp;

namespace Ramp.Training.Tests.Loop;

/// <summary>TensorBoard event files after a crash and resume, or a roll-back, hold each step once, like the metrics.</summary>
public sealed class BoardResumeTests : IDisposable
{
    private readonly string _a = TinyRuns.TempDir();
    private readonly string _b = TinyRuns.TempDir();

    public void Dispose()
    {
        foreach (var d in new[] { _a, _b }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    private static Schedule Warmup() => new Join(new Schedule[] { new LinearWarmup(10), new Constant() }, new long[] { 10 });

    // Checkpoints at 10, 20, 30; evaluations at 10, 20, 30 and the final one at 36.
    private static RunConfig Config(GuardOptions? guards = null, long steps = 36) =>
        TinyRuns.Config(steps: steps, lr: 0.2, guards: guards, readBack: 4, checkpointEvery: 10) with
        {
            Monitor = RunJson.ToElement(new MonitorOptions(4, TensorBoard: true)),
            EvalEvery = 10,
        };

    private static IReadOnlyList<BoardScalar> Board(string dir) => BoardFiles.ReadAll(dir);

    private static string[] Sorted(IEnumerable<BoardScalar> scalars) =>
        scalars.Select(s => $"{s.Tag}@{s.Step}={s.Value:R}").Order(StringComparer.Ordinal).ToArray();

    private static void AssertEachStepOnceAndEqualToTheRows(string dir, int steps)
    {
        var board = Board(dir);
        var rows = RunFolderReader.Read(dir).Metrics;
        Assert.Equal(Enumerable.Range(0, steps).Select(i => (long)i), rows.Select(r => r.Step));
        foreach (var tag in new[] { "loss", "accuracy", "lr/0", "grad_norm", "grad_norm/fc0" })
        {
            var points = board.Where(s => s.Tag == tag).ToArray();
            Assert.Equal(rows.Select(r => r.Step), points.Select(p => p.Step));
        }
        // Update ratios and dead units exist on detail steps only (every 25th by default), once each.
        Assert.Equal(rows.Where(r => r.UpdateRatio is not null).Select(r => r.Step), board.Where(s => s.Tag == "update_ratio/out").Select(p => p.Step));
        Assert.Equal(rows.Where(r => r.DeadUnits is { Count: > 0 }).Select(r => r.Step), board.Where(s => s.Tag == "dead_units/relu0").Select(p => p.Step));
        Assert.Contains(board, s => s.Tag == "dead_units/relu0");
        Assert.Equal(rows.Select(r => (float)r.Loss), board.Where(s => s.Tag == "loss").Select(s => s.Value));
        Assert.Equal(rows.Select(r => (float)r.Lrs[0]), board.Where(s => s.Tag == "lr/0").Select(s => s.Value));
        Assert.DoesNotContain(board.GroupBy(s => (s.Tag, s.Step)), g => g.Count() > 1);
        Assert.Single(BoardFiles.EventFiles(dir));
        Assert.False(Directory.Exists(BoardFiles.ReplacedFolder(dir)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_crashed_and_resumed_run_has_the_board_of_the_uninterrupted_run(bool killedWhileReplacing)
    {
        TinyRuns.Run(_a, Config(), Warmup(), momentum: 0.9);
        var crashed = TinyRuns.Run(_b, Config(), Warmup(), momentum: 0.9, hooks: new TrainingHooks(CrashAfter: step => step == 26));
        Assert.True(crashed.Crashed);
        // Rows 0-23 reached the board, 20-23 past the checkpoint at 20: without the replacement they would show twice.
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (long)i), Board(_b).Where(s => s.Tag == "loss").Select(s => s.Step));
        Assert.Equal([10L, 20], Board(_b).Where(s => s.Tag == "eval_loss").Select(s => s.Step));
        if (killedWhileReplacing) BoardFiles.Retire(_b); // the old files are aside, the new one not written yet
        var resumed = TinyRuns.Run(_b, Config(), Warmup(), momentum: 0.9, resume: true);
        Assert.False(resumed.Crashed);
        AssertEachStepOnceAndEqualToTheRows(_b, 36);
        Assert.Equal([10L, 20, 30, 36], Board(_b).Where(s => s.Tag == "eval_loss").Select(s => s.Step));
        Assert.Equal(Sorted(Board(_a)), Sorted(Board(_b)));
    }

    [Fact]
    public void Copied_scalars_keep_their_wall_time_and_the_last_written_duplicate_wins()
    {
        TinyRuns.Run(_b, Config(), Warmup(), hooks: new TrainingHooks(CrashAfter: step => step == 14));
        var eval10 = Board(_b).Single(s => s.Tag == "eval_loss" && s.Step == 10);
        var loss3 = Board(_b).Single(s => s.Tag == "loss" && s.Step == 3);
        // A later file with the same evaluation at another wall time, as a run killed while replacing its files leaves.
        torch.utils.tensorboard.SummaryWriter(_b).add_scalar("eval_loss", eval10.Value, 10, walltime: 1_000);
        TinyRuns.Run(_b, Config(), Warmup(), resume: true);
        AssertEachStepOnceAndEqualToTheRows(_b, 36);
        Assert.Equal(1_000, Board(_b).Single(s => s.Tag == "eval_loss" && s.Step == 10).WallTime);
        Assert.Equal(loss3, Board(_b).Single(s => s.Tag == "loss" && s.Step == 3));
    }

    [Fact]
    public void Resuming_a_finished_run_evaluates_the_last_step_once()
    {
        var first = TinyRuns.Run(_a, Config(steps: 20), Warmup());
        var again = TinyRuns.Run(_a, Config(steps: 20), Warmup(), resume: true);
        AssertEachStepOnceAndEqualToTheRows(_a, 20);
        var evals = Board(_a).Where(s => s.Tag == "eval_loss").ToArray();
        Assert.Equal([10L, 20], evals.Select(s => s.Step));
        Assert.Equal((float)again.Summary.Final.EvalLoss!.Value, evals[1].Value);
        Assert.Equal(first.Summary.Final.EvalLoss, again.Summary.Final.EvalLoss);
    }

    [Fact]
    public void A_rolled_back_run_shows_the_replaced_steps_once()
    {
        var injected = false;
        var hooks = new TrainingHooks(InjectNaN: step => step == 25 && !injected && (injected = true));
        var guards = new GuardOptions(Rollback: new RollbackOptions(LrFactor: 0.5, RewarmSteps: 4, CheckpointEvery: 10));
        var result = TinyRuns.Run(_a, Config(guards, steps: 40), new Constant(), hooks: hooks);
        Assert.True(injected);
        Assert.Single(result.Summary.GuardEvents, e => e.Name == "rollback");
        AssertEachStepOnceAndEqualToTheRows(_a, 40);
        // The re-warm after the roll-back to step 20 shows as the rates now charted there, not the first attempt's.
        Assert.Equal((float)(0.2 * 0.5 / 4), Board(_a).Single(s => s.Tag == "lr/0" && s.Step == 20).Value);
        Assert.Equal([10L, 20, 30, 40], Board(_a).Where(s => s.Tag == "eval_loss").Select(s => s.Step));
    }
}
