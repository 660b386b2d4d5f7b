using Ramp.Runs;
using Ramp.Schedules.Decay;
using Ramp.Training.Diagnosis;
using Ramp.Training.Guards;
using Ramp.Training.Loop;

namespace Ramp.Training.Tests.Loop;

public sealed class GuardRunTests : IDisposable
{
    private readonly string _dir = TinyRuns.TempDir();

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void High_lr_sgd_without_warmup_diverges_and_the_diagnosis_names_it()
    {
        var result = TinyRuns.Run(_dir, TinyRuns.Config(steps: 60, lr: 5), new Constant(), momentum: 0.9);
        var s = result.Summary;
        Assert.True(s.Diverged);
        Assert.NotNull(s.DivergedAt);
        Assert.NotEmpty(s.Diagnosis);
        var explosion = Assert.Single(s.Diagnosis, f => f.Name == "explosion");
        Assert.True(explosion.FromStep < 6, explosion.Message);
        Assert.Equal(Remedies.EarlyExplosion, explosion.Fix);
        Assert.NotNull(explosion.Layer);
        Assert.All(s.Diagnosis, f => Assert.False(string.IsNullOrWhiteSpace(f.Fix)));
        var events = RunFolderReader.Read(_dir).Events;
        Assert.Contains(events, e => e.Kind == EventKind.Diagnosis && e.Name == s.Diagnosis[0].Name);
    }

    [Fact]
    public void Rollback_recovers_a_run_with_an_injected_nan()
    {
        var injected = false;
        var hooks = new TrainingHooks(InjectNaN: step => step == 25 && !injected && (injected = true));
        var guards = new GuardOptions(Rollback: new RollbackOptions(LrFactor: 0.5, RewarmSteps: 4, CheckpointEvery: 10));
        var result = TinyRuns.Run(_dir, TinyRuns.Config(steps: 40, lr: 0.1, guards: guards), new Constant(), hooks: hooks);
        var s = result.Summary;
        Assert.True(injected);
        Assert.Equal(RunStatus.Finished, s.Status);
        Assert.False(s.Diverged);
        var rollback = Assert.Single(s.GuardEvents, e => e.Name == "rollback");
        Assert.Equal(25, rollback.Step);
        Assert.Equal(20, rollback.Value);
        Assert.Single(s.GuardEvents, e => e.Name == "rewarm" && e.Step == 20);
        var rows = RunFolderReader.Read(_dir).Metrics;
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), rows.Select(r => r.Step));
        Assert.All(rows, r => Assert.False(r.NonFinite));
        Assert.Equal(0.1, rows[19].Lrs[0], 12);
        Assert.Equal(0.05 * 1 / 4, rows[20].Lrs[0], 12);
        Assert.Equal(0.05, rows[39].Lrs[0], 12);
        Assert.True(s.Final.Loss < s.InitialLoss);
    }

    [Fact]
    public void Rollback_with_sgd_momentum_keeps_the_loaded_momentum_buffers_alive()
    {
        // The roll-back loads the optimizer state inside the step's dispose scope; SGD re-wraps its momentum buffers
        // on load, and they used to be freed when the step ended ("Tensor invalid -- empty handle" one step later).
        var injected = false;
        var hooks = new TrainingHooks(InjectNaN: step => step == 15 && !injected && (injected = true));
        var guards = new GuardOptions(Rollback: new RollbackOptions(LrFactor: 0.5, RewarmSteps: 4, CheckpointEvery: 10));
        var result = TinyRuns.Run(_dir, TinyRuns.Config(steps: 20, lr: 0.05, guards: guards), new Constant(), momentum: 0.9, hooks: hooks);
        Assert.True(injected);
        Assert.Equal(RunStatus.Finished, result.Summary.Status);
        Assert.Equal(10, Assert.Single(result.Summary.GuardEvents, e => e.Name == "rollback").Value);
        Assert.All(RunFolderReader.Read(_dir).Metrics, r => Assert.False(r.NonFinite));
    }

    [Fact]
    public void Without_a_guard_an_injected_nan_stops_the_run_as_diverged()
    {
        var hooks = new TrainingHooks(InjectNaN: step => step == 5);
        var result = TinyRuns.Run(_dir, TinyRuns.Config(steps: 40, lr: 0.1), new Constant(), hooks: hooks);
        Assert.Equal(RunStatus.Diverged, result.Summary.Status);
        Assert.Equal(5, result.Summary.DivergedAt);
        Assert.Equal(("nonfinite", 5L), (result.Summary.Diagnosis[0].Name, result.Summary.Diagnosis[0].FromStep));
    }

    [Fact]
    public void Skip_step_skips_a_nan_step_and_clipping_flags_rows()
    {
        var hooks = new TrainingHooks(InjectNaN: step => step == 6);
        var guards = new GuardOptions(Clip: new NormClipOptions(0.5), SkipSpikes: new SpikeSkipOptions());
        var result = TinyRuns.Run(_dir, TinyRuns.Config(steps: 12, lr: 0.1, guards: guards, detailEvery: 1), new Constant(), hooks: hooks);
        Assert.Equal(RunStatus.Finished, result.Summary.Status);
        var rows = RunFolderReader.Read(_dir).Metrics;
        Assert.True(rows[6].Skipped && rows[6].NonFinite);
        Assert.All(rows.Where(r => r.Step != 6), r => Assert.True(r.UpdateRatio > 0, $"step {r.Step}: {r.UpdateRatio}"));
        Assert.Equal(0, rows[6].UpdateRatio);
        Assert.All(rows.Where(r => r.Step != 6), r => Assert.False(r.Skipped));
        Assert.All(rows.Where(r => r.GradNorm > 0.5 && r.Step != 6), r => Assert.True(r.Clipped));
        Assert.Single(result.Summary.GuardEvents, e => e.Name == "skip" && e.Step == 6);
    }
}
