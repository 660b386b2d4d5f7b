using Ramp.Runs;
using System.Security.Cryptography;
using Ramp.Schedules.Decay;
using Ramp.Training.Guards;
using Ramp.Training.Loop;
using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;
using Ramp.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Loop;

/// <summary>
/// The loop with a Schedule-Free optimizer (an <see cref="ITrainEvalSwitch"/>): it evaluates and checkpoints at x,
/// trains at y, and a crashed run resumed from an x checkpoint equals the uninterrupted run bit for bit.
/// </summary>
public sealed class ScheduleFreeRunTests : IDisposable
{
    private readonly string _a = TinyRuns.TempDir();
    private readonly string _b = TinyRuns.TempDir();

    public void Dispose()
    {
        foreach (var d in new[] { _a, _b }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }

    private static OptimizerHelper AdamW(IEnumerable<Parameter> p) => OptimizerFactory.Create("schedule-free-adamw", p, 0.01);

    private static RunConfig Config(long steps, int checkpointEvery, int evalEvery = 0, GuardOptions? guards = null) =>
        TinyRuns.Config(steps, lr: 0.01, guards, readBack: 4, checkpointEvery: checkpointEvery, optimizer: "schedule-free-adamw", detailEvery: 5)
            with
        { EvalEvery = evalEvery };

    [Fact]
    public void A_crashed_and_resumed_run_equals_the_uninterrupted_run()
    {
        // Evaluations at 8, 16, 24, 32 and checkpoints at 10, 20, 30 each swap y -> x, and the next step swaps back.
        var config = Config(steps: 36, checkpointEvery: 10, evalEvery: 8);
        var full = TinyRuns.Run(_a, config, new Constant(), optimizer: AdamW);
        var crashed = TinyRuns.Run(_b, config, new Constant(), optimizer: AdamW, hooks: new TrainingHooks(CrashAfter: step => step == 26));
        Assert.True(crashed.Crashed);
        var resumed = TinyRuns.Run(_b, config, new Constant(), optimizer: AdamW, resume: true);

        Assert.False(resumed.Crashed);
        var expected = new RunFolder(_a).ReadRecords();
        var actual = new RunFolder(_b).ReadRecords();
        Assert.Equal(36, actual.Count);
        Assert.Equal(expected.Select(Comparable), actual.Select(Comparable));
        Assert.True(full.Summary.Final.Loss < full.Summary.InitialLoss, $"loss {full.Summary.InitialLoss} -> {full.Summary.Final.Loss}");
        Assert.Equal(full.Summary.Final.EvalLoss, resumed.Summary.Final.EvalLoss);
        Assert.Equal(full.Summary.Final.EvalAccuracy, resumed.Summary.Final.EvalAccuracy);
        Assert.Equal(Sha256(_a, "model-36.bin"), Sha256(_b, "model-36.bin"));
        Assert.Equal(Sha256(_a, "optimizer-36.bin"), Sha256(_b, "optimizer-36.bin"));
    }

    [Fact]
    public void The_final_evaluation_and_checkpoint_are_at_x_and_the_model_is_left_there()
    {
        double atX = 0, atY = 0;
        bool training = true;
        byte[] saved = [], current = [];
        void After(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer)
        {
            var swap = (ITrainEvalSwitch)optimizer;
            training = swap.Training;
            current = Bytes(model);
            saved = File.ReadAllBytes(Path.Combine(_a, "checkpoints", "model-24.bin"));
            atX = TestLoss(model);
            swap.Train();
            atY = TestLoss(model);
        }
        var result = TinyRuns.Run(_a, Config(steps: 24, checkpointEvery: 0), new Constant(), optimizer: AdamW, after: After);

        Assert.False(training);
        Assert.Equal(saved, current);
        // The evaluator sums batches in float64, this loss is one float32 mean: they agree to float32 rounding.
        Assert.Equal(atX, result.Summary.Final.EvalLoss!.Value, 1e-5);
        Assert.True(Math.Abs(atY - atX) > 1e-3, $"test loss at y {atY} and at x {atX} should differ for this check to mean anything");
    }

    [Fact]
    public void A_roll_back_loads_the_x_checkpoint_and_trains_on()
    {
        var injected = false;
        var hooks = new TrainingHooks(InjectNaN: step => step == 15 && !injected && (injected = true));
        var guards = new GuardOptions(Rollback: new RollbackOptions(LrFactor: 0.5, RewarmSteps: 4, CheckpointEvery: 10));
        var result = TinyRuns.Run(_a, Config(steps: 30, checkpointEvery: 0, guards: guards), new Constant(), optimizer: AdamW, hooks: hooks);

        Assert.True(injected);
        Assert.Equal(RunStatus.Finished, result.Summary.Status);
        Assert.Equal(10, Assert.Single(result.Summary.GuardEvents, e => e.Name == "rollback").Value);
        var rows = new RunFolder(_a).ReadRecords();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), rows.Select(r => r.Step));
        Assert.All(rows, r => Assert.False(r.NonFinite));
        Assert.True(result.Summary.Final.Loss < result.Summary.InitialLoss);
    }

    private static double TestLoss(nn.Module<Tensor, Tensor> model)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var (x, y) = TinyRuns.Test.Gather([.. Enumerable.Range(0, (int)TinyRuns.Test.Count).Select(i => (long)i)], CPU);
        return StepExecutor.LossOf(model.call(x), y).item<float>();
    }

    private static byte[] Bytes(nn.Module model)
    {
        var path = Path.GetTempFileName();
        try
        {
            model.save(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Sha256(string dir, string file) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "checkpoints", file))));

    private static string Comparable(StepRecord r) =>
        $"{r.Step} {r.Loss:R} {r.Accuracy:R} {string.Join(",", r.Lrs.Select(l => l.ToString("R")))} {r.GradNorm:R} {r.UpdateRatio:R} {r.WeightNorm:R} " +
        string.Join(";", r.Layers.Select(l => $"{l.Key}={l.Value.GradNorm:R}/{l.Value.UpdateRatio:R}/{l.Value.WeightNorm:R}"));
}
