using Ramp.Schedules.Decay;
using Ramp.Training.Runs;

namespace Ramp.Training.Tests.Loop;

public sealed class TrainerTests : IDisposable
{
    private readonly string _dir = TinyRuns.TempDir();

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void The_loss_falls_and_the_run_folder_is_complete()
    {
        var result = TinyRuns.Run(_dir, TinyRuns.Config(steps: 60, lr: 0.1), new Constant());
        var s = result.Summary;
        Assert.Equal("finished", s.Status);
        Assert.False(s.Diverged);
        Assert.Equal(60, s.Steps);
        Assert.True(s.Final.Loss < 0.7 * s.InitialLoss, $"loss {s.InitialLoss} -> {s.Final.Loss}");
        Assert.True(s.Final.EvalAccuracy > 0.5, $"eval accuracy {s.Final.EvalAccuracy}");
        var rows = RunFiles.ReadRecords(Path.Combine(_dir, "metrics.jsonl"));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), rows.Select(r => r.Step));
        Assert.All(rows, r => Assert.Equal(0.1, r.Lrs[0]));
        Assert.Equal(["fc0", "out"], rows[0].Layers.Select(l => l.Key));
        Assert.All(rows, r => Assert.InRange(r.UpdateRatio, 1e-6, 1));
        Assert.Equal(61, File.ReadAllLines(Path.Combine(_dir, "metrics.csv")).Length);
        Assert.True(File.Exists(Path.Combine(_dir, "summary.json")));
        Assert.True(File.Exists(Path.Combine(_dir, "config.json")));
        Assert.Equal(60, new RunFolder(_dir).ReadCheckpointInfo()!.Step);
    }

    [Fact]
    public void A_second_run_into_the_same_folder_without_resume_is_refused()
    {
        TinyRuns.Run(_dir, TinyRuns.Config(steps: 4, lr: 0.1), new Constant());
        var e = Assert.Throws<InvalidOperationException>(() => TinyRuns.Run(_dir, TinyRuns.Config(steps: 4, lr: 0.1), new Constant()));
        Assert.Contains("--resume", e.Message);
    }
}
