using Ramp.Runs;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text;
using Ramp.Training.Guards;
using Ramp.Training.Loop;

namespace Ramp.Training.Tests.Loop;

public sealed class ScheduleRunTests : IDisposable
{
    private readonly string _dir = TinyRuns.TempDir();

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_plateau_rule_reduces_the_lr_when_the_epoch_mean_loss_stops_improving()
    {
        // 2048 examples / batch 256 = 8 steps an epoch; at lr 1e-6 the loss cannot improve by the rule's 1e-4 threshold.
        var config = TinyRuns.Config(steps: 48, lr: 1e-6, batch: 256);
        var result = TinyRuns.RunSpec(_dir, config, ScheduleText.Parse("ReduceLROnPlateau(optimizer, patience=2)"));
        var rows = RunFolderReader.Read(_dir).Metrics;
        // Epoch 0 sets the best; epochs 1, 2, 3 are bad; after the third (patience 2 exceeded) the lr drops tenfold.
        Assert.All(rows.Where(r => r.Step < 32), r => Assert.Equal(1.0, r.Lrs[0] * 1e6, 12));
        Assert.All(rows.Where(r => r.Step >= 32), r => Assert.Equal(0.1, r.Lrs[0] * 1e6, 12));
        var plateau = Assert.Single(result.Summary.ScheduleEvents!);
        Assert.Equal(("plateau", 32L, EventKind.Schedule), (plateau.Name, plateau.Step, plateau.Kind));
        Assert.Contains("mean training loss of epoch 3", plateau.Message);
    }

    [Fact]
    public void With_periodic_evaluation_the_plateau_rule_observes_the_eval_loss()
    {
        var config = TinyRuns.Config(steps: 30, lr: 1e-6) with { EvalEvery = 5 };
        var result = TinyRuns.RunSpec(_dir, config, ScheduleText.Parse("ReduceLROnPlateau(optimizer, patience=1)"));
        var rows = RunFolderReader.Read(_dir).Metrics;
        // Evaluations at 5 (best), 10, 15 (bad, bad > patience 1): from step 15 on the lr is a tenth.
        Assert.Equal(1.0, rows[14].Lrs[0] * 1e6, 12);
        Assert.Equal(0.1, rows[15].Lrs[0] * 1e6, 12);
        Assert.Contains("evaluation loss", result.Summary.ScheduleEvents![0].Message);
    }

    [Fact]
    public void Skipped_updates_do_not_advance_the_schedule()
    {
        var hooks = new TrainingHooks(InjectNaN: step => step is 3 or 4);
        var guards = new GuardOptions(SkipSpikes: new SpikeSkipOptions());
        TinyRuns.Run(_dir, TinyRuns.Config(steps: 10, lr: 0.1, guards: guards), new LinearDecay(10), hooks: hooks);
        var rows = RunFolderReader.Read(_dir).Metrics;
        Assert.Equal([0L, 1, 2, 3, 3, 3, 4, 5, 6, 7], rows.Select(r => r.ScheduleStep!.Value));
        Assert.All(rows, r => Assert.Equal(0.1 * new LinearDecay(10).ValueAt(r.ScheduleStep!.Value), r.Lrs[0], 15));
    }

    [Fact]
    public void Accumulation_takes_one_optimizer_step_per_row_over_several_batches()
    {
        var config = TinyRuns.Config(steps: 12, lr: 0.1) with { Accumulate = 4 };
        var result = TinyRuns.Run(_dir, config, new Constant());
        var rows = RunFolderReader.Read(_dir).Metrics;
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long?)i), rows.Select(r => r.ScheduleStep));
        // 2048 / 64 = 32 batches an epoch, 4 a step: steps 8-11 read the second epoch.
        Assert.Equal([0L, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], rows.Select(r => r.Epoch));
        Assert.True(result.Summary.Final.Loss < result.Summary.InitialLoss);
    }
}
