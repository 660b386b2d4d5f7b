using Ramp.Runs;
using System.Text.Json;
using Ramp.Schedules.Decay;
using Ramp.Training.Guards;
using Ramp.Training.Loop;
using Ramp.Training.Monitoring;
using Ramp.Training.Runs;
using Ramp.Training.Checkpoints;

namespace Ramp.Training.Tests.Loop;

/// <summary>The guard chain inside real runs: every decision an event, every guard's state in the checkpoint.</summary>
public sealed class GuardEventRunTests : IDisposable
{
    private readonly string _a = TinyRuns.TempDir();
    private readonly string _b = TinyRuns.TempDir();

    public void Dispose()
    {
        foreach (var d in new[] { _a, _b }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    [Fact]
    public void Every_clip_and_agc_decision_is_an_event_with_its_step_and_value()
    {
        var guards = new GuardOptions(Clip: new NormClipOptions(0.5), Agc: new AgcOptions(Lambda: 1e-4));
        var result = TinyRuns.Run(_a, TinyRuns.Config(steps: 12, lr: 0.1, guards: guards), new Constant());
        var rows = new RunFolder(_a).ReadRecords();
        var events = new RunFolder(_a).ReadEvents().Where(e => e.Kind == EventKind.Guard).ToArray();
        var clips = events.Where(e => e.Name == "clip").ToArray();
        Assert.NotEmpty(clips);
        Assert.Equal(rows.Where(r => r.GradNorm > 0.5).Select(r => r.Step), clips.Select(e => e.Step));
        Assert.All(clips, e => Assert.Equal(rows[(int)e.Step].GradNorm, e.Value));
        Assert.All(clips, e => Assert.Contains("above 0.5", e.Message));
        // A lambda of 1e-4 bounds every unit's gradient far below its weights: AGC acts on every step.
        var agc = events.Where(e => e.Name == "agc").ToArray();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), agc.Select(e => e.Step));
        Assert.All(agc, e => Assert.True(e.Value >= 1 && e.Value == Math.Floor(e.Value), e.Message));
        Assert.All(rows, r => Assert.True(r.Clipped));
        Assert.Equal(events.Length, result.Summary.GuardEvents.Count);
    }

    [Fact]
    public void A_clip_that_never_acts_writes_no_event()
    {
        var guards = new GuardOptions(Clip: new NormClipOptions(1e6));
        var result = TinyRuns.Run(_a, TinyRuns.Config(steps: 8, lr: 0.1, guards: guards), new Constant());
        Assert.Empty(result.Summary.GuardEvents);
        Assert.All(new RunFolder(_a).ReadRecords(), r => Assert.False(r.Clipped));
    }

    [Fact]
    public void Each_guard_saves_its_state_under_its_name_and_a_resumed_guarded_run_equals_an_uninterrupted_one()
    {
        var guards = new GuardOptions(new NormClipOptions(2), null, new ZClipOptions(Warmup: 5), new SpikeSkipOptions(Window: 16, MinCount: 4),
            new RollbackOptions(CheckpointEvery: 10));
        var config = TinyRuns.Config(steps: 30, lr: 0.2, guards: guards, readBack: 4);
        var full = TinyRuns.Run(_a, config, new Constant(), momentum: 0.9);
        var crashed = TinyRuns.Run(_b, config, new Constant(), momentum: 0.9, hooks: new TrainingHooks(CrashAfter: step => step == 23));
        Assert.True(crashed.Crashed);
        var saved = new RunFolder(_b).ReadCheckpointInfo<CheckpointInfo>()!;
        Assert.Equal(20, saved.Step);
        Assert.Equal(["rollback", "skip", "zclip"], saved.Guards!.Keys.Order());
        Assert.Equal(5, saved.Guards["zclip"].GetProperty("warmup").GetInt32());
        Assert.Equal(16, saved.Guards["skip"].GetProperty("losses").GetArrayLength());
        Assert.Equal(0, saved.Guards["rollback"].GetProperty("rollbacks").GetInt32());
        var resumed = TinyRuns.Run(_b, config, new Constant(), momentum: 0.9, resume: true);
        Assert.Equal(Rows(_a), Rows(_b));
        Assert.Equal(full.Summary.GuardEvents.Select(e => e.Message), resumed.Summary.GuardEvents.Select(e => e.Message));
    }

    private static string[] Rows(string dir) =>
        [.. new RunFolder(dir).ReadRecords().Select(r => $"{r.Step} {r.Loss:R} {r.GradNorm:R} {r.Clipped} {r.Skipped} {r.Lrs[0]:R}")];
}
