using Ramp.Runs;
using Ramp.Schedules.Decay;
using Ramp.Training.Runs;
using TorchSharp;
using Ramp.Training.Checkpoints;

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
        Assert.Equal(RunStatus.Finished, s.Status);
        Assert.False(s.Diverged);
        Assert.Equal(60, s.Steps);
        Assert.True(s.Final.Loss < 0.7 * s.InitialLoss, $"loss {s.InitialLoss} -> {s.Final.Loss}");
        Assert.True(s.Final.EvalAccuracy > 0.5, $"eval accuracy {s.Final.EvalAccuracy}");
        var rows = RunFolderReader.Read(_dir).Metrics;
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), rows.Select(r => r.Step));
        Assert.All(rows, r => Assert.Equal(0.1, r.Lrs[0]));
        Assert.Equal(["fc0", "out"], rows[0].Layers.Select(l => l.Key));
        // Update ratios are measured on detail steps (every 25 by default) and absent in between.
        Assert.Equal([0L, 25, 50], rows.Where(r => r.UpdateRatio is not null).Select(r => r.Step));
        Assert.All(rows.Where(r => r.UpdateRatio is not null), r => Assert.InRange(r.UpdateRatio!.Value, 1e-6, 1));
        Assert.All(rows, r => Assert.True(r.GradNorm > 0, $"step {r.Step}: gradient norm {r.GradNorm}"));
        Assert.Equal(61, File.ReadAllLines(Path.Combine(_dir, "metrics.csv")).Length);
        Assert.True(File.Exists(Path.Combine(_dir, "summary.json")));
        Assert.True(File.Exists(Path.Combine(_dir, "config.json")));
        Assert.Equal(60, new RunFolder(_dir).ReadCheckpointInfo<CheckpointInfo>()!.Step);
    }

    [Fact]
    public void A_second_run_into_the_same_folder_without_resume_is_refused()
    {
        TinyRuns.Run(_dir, TinyRuns.Config(steps: 4, lr: 0.1), new Constant());
        var e = Assert.Throws<InvalidOperationException>(() => TinyRuns.Run(_dir, TinyRuns.Config(steps: 4, lr: 0.1), new Constant()));
        Assert.Contains("--resume", e.Message);
    }

    [Fact]
    public void A_layer_whose_ReLUs_never_fire_is_diagnosed_as_dead()
    {
        // Most of fc0's units get a bias no input overcomes, so relu0 outputs zero for them on every batch.
        void KillUnits(torch.nn.Module model)
        {
            using var _ = torch.no_grad();
            var bias = model.named_parameters().Single(p => p.name == "fc0.bias").parameter;
            bias[torch.TensorIndex.Slice(0, 48)] = torch.tensor(-1e4f);
        }
        var result = TinyRuns.Run(_dir, TinyRuns.Config(steps: 30, lr: 0.05), new Constant(), prepare: KillUnits);

        var rows = RunFolderReader.Read(_dir).Metrics;
        var measured = rows.Where(r => r.DeadUnits is { Count: > 0 }).ToArray();
        Assert.Equal([0L, 25], measured.Select(r => r.Step));
        var relu0 = measured[0].DeadUnits!.Single(d => d.Key == "relu0").Value;
        Assert.InRange(relu0, 0.75, 1.0); // 48 of 64 units dead, perhaps a few more on this batch
        var finding = Assert.Single(result.Summary.Diagnosis, f => f.Name == "dead_relu");
        Assert.Equal(("relu0", 0L), (finding.Layer, finding.FromStep));
        Assert.Contains("relu0", finding.Message);
    }
}
