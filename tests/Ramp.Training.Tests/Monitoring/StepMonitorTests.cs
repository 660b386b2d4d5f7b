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
            monitor.BeginStep(detail: true);
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.call(x), y);
            loss.backward();
            var grads = Host(monitor.Parameters.Select(p => p.grad!));
            var before = Host(monitor.Parameters);
            using var gradNorms = monitor.GradNorms();
            monitor.BeforeUpdate();
            optimizer.step();
            monitor.Record(loss, null, zeros(1, dtype: @bool).reshape(), gradNorms);
            var after = Host(monitor.Parameters);
            var update = after.Zip(before, (a, b) => a.Zip(b, (u, v) => u - v).ToArray()).ToArray();
            expected = [PerLayer(grads), PerLayer(update), PerLayer(before), PerLayer(after)];
        }

        Assert.Equal(3, monitor.Pending);
        var last = monitor.ReadBack()[^1];
        Assert.Equal(0, monitor.Pending);
        var m = monitor.Decode(last);
        for (var l = 0; l < 2; l++)
        {
            Assert.Equal(Math.Sqrt(expected[0][l]), m.Layers[l].Value.GradNorm, 5);
            Assert.Equal(Math.Sqrt(expected[1][l] / expected[2][l]), m.Layers[l].Value.UpdateRatio!.Value, 6);
            Assert.Equal(Math.Sqrt(expected[3][l]), m.Layers[l].Value.WeightNorm!.Value, 5);
        }
        Assert.Equal(Math.Sqrt(expected[0].Sum()), m.GradNorm, 5);
        Assert.Equal(Math.Sqrt(expected[1].Sum() / expected[2].Sum()), m.UpdateRatio!.Value, 6);
        Assert.Equal(Math.Sqrt(expected[3].Sum()), m.WeightNorm!.Value, 5);
        Assert.True(m.UpdateRatio > 1e-4, $"the update is real: {m.UpdateRatio}");
    }

    [Fact]
    public void A_step_without_detail_has_gradient_norms_but_no_update_or_weight_norms()
    {
        using var model = new Mlp(inputs: 12, hidden: [8], classes: 3, seed: 3);
        using var monitor = new StepMonitor(model);
        var optimizer = optim.SGD(model.parameters(), 0.5);
        random.manual_seed(4);
        using var x = randn(16, 12);
        using var y = randint(0, 3, 16);
        monitor.BeginStep(detail: false);
        using var loss = nn.functional.cross_entropy(model.call(x), y);
        loss.backward();
        var grads = PerLayer(Host(monitor.Parameters.Select(p => p.grad!)));
        using var gradNorms = monitor.GradNorms();
        using var global = StepMonitor.GlobalNorm(gradNorms);
        monitor.BeforeUpdate();
        optimizer.step();
        monitor.Record(loss, null, null, gradNorms);

        var step = Assert.Single(monitor.ReadBack());
        Assert.Null(step.Detail);
        var m = monitor.Decode(step);
        Assert.Equal(Math.Sqrt(grads.Sum()), m.GradNorm, 5);
        Assert.Equal(m.GradNorm, global.item<float>(), 5);
        Assert.Equal(Math.Sqrt(grads[1]), m.Layers[1].Value.GradNorm, 5);
        Assert.Null(m.UpdateRatio);
        Assert.Null(m.WeightNorm);
        Assert.All(m.Layers, l => Assert.Null(l.Value.UpdateRatio));
        Assert.Empty(m.DeadUnits);
        Assert.Equal(loss.item<float>(), step.Head[0], 6);
        Assert.Equal(0, step.Head[2]);
    }

    [Fact]
    public void Dead_units_are_the_ReLU_units_silent_for_the_whole_batch()
    {
        using var model = new Mlp(inputs: 12, hidden: [8, 4], classes: 3, seed: 3);
        using var monitor = new StepMonitor(model);
        Assert.Equal(["relu1", "relu2"], monitor.Relus);
        using (no_grad())
        {
            // Three of fc1's eight units get a bias no input can overcome: they output zero for every example.
            var fc1 = model.named_parameters().Single(p => p.name == "fc1.bias").parameter;
            fc1[TensorIndex.Slice(0, 3)] = tensor(-1e4f);
        }
        random.manual_seed(5);
        using var x = randn(32, 12);
        using var y = randint(0, 3, 32);
        monitor.BeginStep(detail: true);
        using var output = model.call(x);
        using var expectedDead = model.named_parameters().Single(p => p.name == "fc1.weight").parameter.matmul(x.t()).t()
            .add(model.named_parameters().Single(p => p.name == "fc1.bias").parameter).gt(0).any(0).logical_not().sum();
        using var loss = nn.functional.cross_entropy(output, y);
        loss.backward();
        using var gradNorms = monitor.GradNorms();
        monitor.BeforeUpdate();
        monitor.Record(loss, null, null, gradNorms);

        var dead = monitor.Decode(monitor.ReadBack()[0]).DeadUnits;
        Assert.Equal(["relu1", "relu2"], dead.Select(d => d.Key));
        Assert.True(expectedDead.item<long>() >= 3);
        Assert.Equal(expectedDead.item<long>() / 8.0, dead[0].Value, 12);
        Assert.InRange(dead[1].Value, 0, 1);
    }

    [Fact]
    public void Record_without_BeforeUpdate_is_refused()
    {
        using var model = new Mlp(inputs: 4, hidden: [2], classes: 2);
        using var monitor = new StepMonitor(model);
        monitor.BeginStep(detail: false);
        var error = Assert.Throws<InvalidOperationException>(() =>
            monitor.Record(zeros(1).reshape(), null, zeros(1, dtype: @bool).reshape(), zeros(4)));
        Assert.Equal("monitor: Record needs BeforeUpdate first", error.Message);
    }

    private static double[][] Host(IEnumerable<Tensor> tensors) =>
        tensors.Select(t => t.detach().to(float64).cpu().data<double>().ToArray()).ToArray();

    // Parameters come in model order: fc1.weight, fc1.bias, out.weight, out.bias.
    private static double[] PerLayer(double[][] parameters) =>
        [parameters[0].Concat(parameters[1]).Sum(v => v * v), parameters[2].Concat(parameters[3]).Sum(v => v * v)];
}
