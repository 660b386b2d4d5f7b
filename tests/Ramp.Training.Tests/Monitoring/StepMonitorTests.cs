using Ramp.Training.Models;
using Ramp.Training.Monitoring;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Monitoring;

/// <summary>The monitor's device-side numbers equal the same norms computed on the host in float64.</summary>
public class StepMonitorTests
{
    [Fact]
    public void Read_back_norms_equal_host_norms_per_layer_and_globally()
    {
        using var model = new Mlp(inputs: 12, hidden: [8], classes: 3, seed: 3);
        using var monitor = new StepMonitor(model);
        var optimizer = optim.SGD(model.parameters(), 0.5, momentum: 0.9);
        random.manual_seed(4);
        using var x = randn(16, 12);
        using var y = randint(0, 3, 16);
        Assert.Equal(["fc1", "out"], monitor.Layers);

        double[][] expected = [];
        for (var step = 0; step < 3; step++)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.call(x), y);
            loss.backward();
            var grads = Host(monitor.Parameters.Select(p => p.grad!));
            var before = Host(monitor.Parameters);
            using var gradSquares = monitor.GradSquares();
            monitor.BeforeUpdate();
            optimizer.step();
            monitor.Record(loss, null, zeros(1, dtype: @bool).reshape(), gradSquares);
            var after = Host(monitor.Parameters);
            var update = after.Zip(before, (a, b) => a.Zip(b, (u, v) => u - v).ToArray()).ToArray();
            expected = [PerLayer(grads), PerLayer(update), PerLayer(before), PerLayer(after)];
        }

        Assert.Equal(3, monitor.Pending);
        var last = monitor.ReadBack()[^1];
        Assert.Equal(0, monitor.Pending);
        var (gradNorm, ratio, weightNorm, layers) = monitor.Decode(last);
        for (var l = 0; l < 2; l++)
        {
            Assert.Equal(Math.Sqrt(expected[0][l]), layers[l].Value.GradNorm, 5);
            Assert.Equal(Math.Sqrt(expected[1][l] / expected[2][l]), layers[l].Value.UpdateRatio, 6);
            Assert.Equal(Math.Sqrt(expected[3][l]), layers[l].Value.WeightNorm, 5);
        }
        Assert.Equal(Math.Sqrt(expected[0].Sum()), gradNorm, 5);
        Assert.Equal(Math.Sqrt(expected[1].Sum() / expected[2].Sum()), ratio, 6);
        Assert.Equal(Math.Sqrt(expected[3].Sum()), weightNorm, 5);
        Assert.True(ratio > 1e-4, $"the update is real: {ratio}");
    }

    [Fact]
    public void Record_without_BeforeUpdate_is_refused()
    {
        using var model = new Mlp(inputs: 4, hidden: [2], classes: 2);
        using var monitor = new StepMonitor(model);
        var error = Assert.Throws<InvalidOperationException>(() =>
            monitor.Record(zeros(1).reshape(), null, zeros(1, dtype: @bool).reshape(), zeros(2, dtype: float64)));
        Assert.Equal("monitor: Record needs BeforeUpdate first", error.Message);
    }

    private static double[][] Host(IEnumerable<Tensor> tensors) =>
        tensors.Select(t => t.detach().to(float64).cpu().data<double>().ToArray()).ToArray();

    // Parameters come in model order: fc1.weight, fc1.bias, out.weight, out.bias.
    private static double[] PerLayer(double[][] parameters) =>
        [parameters[0].Concat(parameters[1]).Sum(v => v * v), parameters[2].Concat(parameters[3]).Sum(v => v * v)];
}
