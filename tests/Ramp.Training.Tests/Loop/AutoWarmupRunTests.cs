using Ramp.Runs;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text;
using Ramp.Training.Loop;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Tests.Loop;

public sealed class AutoWarmupRunTests : IDisposable
{
    private readonly string _a = TinyRuns.TempDir();
    private readonly string _b = TinyRuns.TempDir();

    public void Dispose()
    {
        foreach (var d in new[] { _a, _b }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    [Fact]
    public void Auto_warmup_survives_a_peak_at_which_a_cold_start_diverges()
    {
        var config = TinyRuns.Config(steps: 200, lr: 1.5);
        var cold = TinyRuns.Run(_a, config, new Constant(), momentum: 0.9);
        Assert.True(cold.Summary.Diverged, "the peak must be one where no warmup diverges");
        var auto = TinyRuns.RunSpec(_b, config, ScheduleText.Parse("auto()"), momentum: 0.9);
        var s = auto.Summary;
        Assert.False(s.Diverged, $"status {s.Status}, final loss {s.Final.Loss}");
        Assert.True(s.Final.EvalAccuracy > 0.6, $"eval accuracy {s.Final.EvalAccuracy}");
        var decisions = RunFolderReader.Read(_b).Events.Where(e => e.Kind == EventKind.AutoWarmup).ToArray();
        Assert.NotEmpty(decisions);
        Assert.Equal(decisions, s.ScheduleEvents!.Where(e => e.Kind == EventKind.AutoWarmup));
        var rows = RunFolderReader.Read(_b).Metrics;
        Assert.Equal(1.5 * AutoWarmupOptions.PresetInitialFactor, rows[0].Lrs[0], 12);
        Assert.True(rows.Max(r => r.Lrs[0]) <= 1.5 + 1e-12);
    }

    [Fact]
    public void An_auto_run_resumed_after_a_crash_equals_the_uninterrupted_run()
    {
        var config = TinyRuns.Config(steps: 60, lr: 0.2, checkpointEvery: 10);
        var spec = ScheduleText.Parse("auto(growth=1.2, green_steps=5, ratio_amber=0.1, ratio_red=1) >> cosine(30)");
        var full = TinyRuns.RunSpec(_a, config, spec, momentum: 0.9);
        TinyRuns.RunSpec(_b, config, spec, momentum: 0.9, hooks: new TrainingHooks(CrashAfter: step => step == 23));
        var resumed = TinyRuns.RunSpec(_b, config, spec, momentum: 0.9, resume: true);
        string Row(StepRecord r) => $"{r.Step} {r.Loss:R} {r.Lrs[0]:R} {r.ScheduleStep}";
        Assert.Equal(RunFolderReader.Read(_a).Metrics.Select(Row), RunFolderReader.Read(_b).Metrics.Select(Row));
        Assert.Equal(full.Summary.ScheduleEvents, resumed.Summary.ScheduleEvents);
        Assert.Equal(full.Summary.Final.EvalLoss, resumed.Summary.Final.EvalLoss);
        Assert.True(full.Summary.ScheduleEvents!.Any(e => e.Name == "done"), string.Join("\n", full.Summary.ScheduleEvents!.Select(e => $"{e.Step} {e.Name} {e.Message}")));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData(", clock=after_warmup", 1)]
    public void After_warmup_the_lr_is_target_times_the_decay_on_its_clock_also_after_a_resume(string clock, int afterWarmup)
    {
        var config = TinyRuns.Config(steps: 100, lr: 0.4, checkpointEvery: 10);
        var spec = ScheduleText.Parse($"auto(target=0.5, growth=1.2, green_steps=5, ratio_amber=0.1, ratio_red=1{clock}) >> cosine(100)");
        TinyRuns.RunSpec(_b, config, spec, momentum: 0.9, hooks: new TrainingHooks(CrashAfter: step => step == 63));
        var resumed = TinyRuns.RunSpec(_b, config, spec, momentum: 0.9, resume: true);
        var done = Assert.Single(resumed.Summary.ScheduleEvents!, e => e.Name == "done").Step;
        var rows = RunFolderReader.Read(_b).Metrics;
        var after = rows.Where(r => r.Step > done).ToArray();
        Assert.True(after.Length > 10, $"warmup done at step {done}, too late to test the decay");
        // The run clock evaluates cosine(60) at the run's step; after_warmup at the steps since warmup ended.
        var origin = afterWarmup * (done + 1);
        foreach (var r in after) Assert.Equal(0.4 * 0.5 * new CosineDecay(100).ValueAt(r.Step - origin), r.Lrs[0]);
        Assert.Equal(99, rows[^1].Step);
        Assert.All(rows.Where(r => r.Step <= done), r => Assert.True(r.Lrs[0] <= 0.2 * new CosineDecay(100).ValueAt(r.Step - origin) + 1e-15));
    }
}
