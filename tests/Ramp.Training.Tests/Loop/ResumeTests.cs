using Ramp.Runs;
using Ramp.Schedules;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Warmup;
using Ramp.Training.Loop;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Tests.Loop;

public sealed class ResumeTests : IDisposable
{
    private readonly string _a = TinyRuns.TempDir();
    private readonly string _b = TinyRuns.TempDir();

    public void Dispose()
    {
        foreach (var d in new[] { _a, _b }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    private static Schedule Warmup() => new Join(new Schedule[] { new LinearWarmup(10), new Constant() }, new long[] { 10 });

    [Fact]
    public void A_crashed_and_resumed_run_equals_the_uninterrupted_run()
    {
        var config = TinyRuns.Config(steps: 36, lr: 0.2, readBack: 4, checkpointEvery: 10);
        var full = TinyRuns.Run(_a, config, Warmup(), momentum: 0.9);
        var crashed = TinyRuns.Run(_b, config, Warmup(), momentum: 0.9, hooks: new TrainingHooks(CrashAfter: step => step == 26));
        Assert.True(crashed.Crashed);
        // Rows 0-23 were read back (every 4 steps); 24-26 were still on the device; 20-23 lie past the checkpoint at 20.
        Assert.Equal(24, RunFolderReader.Read(_b).Metrics.Count);
        var resumed = TinyRuns.Run(_b, config, Warmup(), momentum: 0.9, resume: true);
        Assert.False(resumed.Crashed);
        var expected = RunFolderReader.Read(_a).Metrics.Select(Comparable).ToArray();
        var actual = RunFolderReader.Read(_b).Metrics.Select(Comparable).ToArray();
        Assert.Equal(36, actual.Length);
        Assert.Equal(expected, actual);
        Assert.Equal(full.Summary.Final.EvalLoss, resumed.Summary.Final.EvalLoss);
        var csvA = File.ReadAllLines(Path.Combine(_a, "metrics.csv")).Select(DropWall);
        var csvB = File.ReadAllLines(Path.Combine(_b, "metrics.csv")).Select(DropWall);
        Assert.Equal(csvA, csvB);
    }

    [Fact]
    public void Resuming_a_finished_run_keeps_its_final_loss_and_verdict()
    {
        var config = TinyRuns.Config(steps: 12, lr: 0.2, readBack: 4, checkpointEvery: 4);
        var finished = TinyRuns.Run(_a, config, Warmup(), momentum: 0.9);
        var again = TinyRuns.Run(_a, config, Warmup(), momentum: 0.9, resume: true);
        Assert.False(finished.Summary.Diverged);
        Assert.Equal(finished.Summary.Final.Loss, again.Summary.Final.Loss);
        Assert.Equal(finished.Summary.Final.Accuracy, again.Summary.Final.Accuracy);
        Assert.False(again.Summary.Diverged);
        Assert.Equal(12, again.Summary.Steps);
    }

    private static string Comparable(StepRecord r) =>
        $"{r.Step} {r.Epoch} {r.Loss:R} {r.Accuracy:R} {string.Join(",", r.Lrs.Select(l => l.ToString("R")))} {r.GradNorm:R} {r.UpdateRatio:R} {r.WeightNorm:R} " +
        string.Join(";", r.Layers.Select(l => $"{l.Key}={l.Value.GradNorm:R}/{l.Value.UpdateRatio:R}"));

    private static string DropWall(string line) => line[..line.LastIndexOf(',')];
}
