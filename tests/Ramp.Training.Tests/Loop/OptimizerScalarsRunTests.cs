using System.Globalization;
using Ramp.Runs;
using Ramp.Schedules.Decay;
using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;
using Ramp.Training.Runs;
using TorchSharp.Modules;

namespace Ramp.Training.Tests.Loop;

/// <summary>
/// The monitor sees what the warmup-free optimizers watch: Prodigy's d and Schedule-Free's averaging weight in every
/// row (metrics.csv, metrics.jsonl, TensorBoard), and each layer's angular update on detail steps.
/// </summary>
public sealed class OptimizerScalarsRunTests : IDisposable
{
    private readonly string _dir = TinyRuns.TempDir();

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static RunConfig Config(string optimizer) =>
        TinyRuns.Config(steps: 30, lr: optimizer == "prodigy" ? 1.0 : 0.01, readBack: 4, optimizer: optimizer, detailEvery: 5) with
        {
            Monitor = RunJson.ToElement(new MonitorOptions(4, TensorBoard: true, DetailEvery: 5)),
        };

    [Theory]
    [InlineData("prodigy", "prodigy_d")]
    [InlineData("schedule-free-adamw", "schedule_free_weight")]
    public void Each_step_records_the_optimizers_scalar_in_the_metrics_and_tensorboard(string name, string scalar)
    {
        double last = double.NaN;
        void After(TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> model, OptimizerHelper optimizer) =>
            last = optimizer is Prodigy p ? p.D.item<double>() : ((ScheduleFreeOptimizer)optimizer).AveragingWeight;
        TinyRuns.Run(_dir, Config(name), new Constant(), optimizer: p => OptimizerFactory.Create(name, p, name == "prodigy" ? 1.0 : 0.01), after: After);

        var rows = RunFolderReader.Read(_dir).Metrics;
        Assert.Equal(30, rows.Count);
        var values = rows.Select(r => Assert.Single(r.Optimizer!, o => o.Key == scalar).Value).ToArray();
        // Read back at float32, the monitor's precision for this model.
        Assert.Equal((float)last, (float)values[^1]);
        if (name == "prodigy")
        {
            Assert.Equal(1e-6f, (float)values[0]); // x_0 - x is zero at the first step: d stays d0
            Assert.True(values[^1] > 100 * values[0], $"d did not grow: {values[0]} -> {values[^1]}");
            Assert.All(values.Zip(values.Skip(1)), p => Assert.True(p.Second >= p.First, $"d fell: {p.First} -> {p.Second}"));
        }
        else
        {
            Assert.Equal(1f, (float)values[0]); // c_1 = w_1 / w_1: the first z is the whole average
            Assert.All(values.Skip(1), c => Assert.InRange(c, 1e-3, 0.99));
        }

        var header = File.ReadLines(Path.Combine(_dir, "metrics.csv")).First().Split(',');
        Assert.Equal([scalar, "wall_ms"], header[^2..]);
        var csv = File.ReadLines(Path.Combine(_dir, "metrics.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[^2], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(values, csv);
        var board = BoardFiles.ReadAll(_dir).Where(s => s.Tag == $"optimizer/{scalar}").ToArray();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), board.Select(s => s.Step));
        Assert.Equal(values.Select(v => (float)v), board.Select(s => s.Value));
    }

    [Fact]
    public void Detail_steps_record_each_layers_angular_update_within_its_update_ratio()
    {
        TinyRuns.Run(_dir, Config("sgd"), new Constant());

        var rows = RunFolderReader.Read(_dir).Metrics;
        var detail = rows.Where(r => r.UpdateRatio is not null).ToArray();
        Assert.Equal([0L, 5, 10, 15, 20, 25], detail.Select(r => r.Step));
        Assert.All(rows.Except(detail), r => Assert.All(r.Layers, l => Assert.Null(l.Value.AngularUpdate)));
        foreach (var (layer, stats) in detail.SelectMany(r => r.Layers))
        {
            var angle = stats.AngularUpdate!.Value;
            // |w_after - w_before| >= |w_before| sin(angle): the rotation is bounded by the relative update.
            Assert.True(angle > 0 && Math.Sin(angle) <= stats.UpdateRatio!.Value * (1 + 1e-6), $"{layer}: angle {angle} with update ratio {stats.UpdateRatio}");
        }
        var board = BoardFiles.ReadAll(_dir);
        Assert.Equal(detail.Select(r => r.Step), board.Where(s => s.Tag == "angular_update/fc0").Select(s => s.Step));
        Assert.DoesNotContain(board, s => s.Tag.StartsWith("optimizer/", StringComparison.Ordinal)); // SGD has no scalars of its own
        Assert.DoesNotContain("optimizer", File.ReadLines(Path.Combine(_dir, "metrics.jsonl")).First());
    }
}
