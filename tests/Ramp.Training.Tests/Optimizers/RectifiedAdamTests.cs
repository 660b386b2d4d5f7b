using Ramp.Schedules;
using Ramp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Optimizers;

public sealed class RectifiedAdamTests
{
    private static readonly double[] Start = [0.5, -1.5, 2.0, 0.01, -0.3];
    private static readonly double[] Target = [1.0, 1.0, -1.0, 0.0, 0.2];
    private static readonly double[] Curvature = [1.0, 0.1, 3.0, 10.0, 0.5];

    // loss = sum(a (w - c)^2): each coordinate sees a different gradient scale, so the adaptive step matters.
    private static double[] Gradient(double[] w) => w.Select((x, i) => 2 * Curvature[i] * (x - Target[i])).ToArray();

    private static void Backward(Parameter w)
    {
        using var scope = NewDisposeScope();
        w.grad?.zero_();
        var loss = (tensor(Curvature, float64) * (w - tensor(Target, float64)).pow(2)).sum();
        loss.backward();
    }

    private static double[] Values(Parameter w) => w.detach().data<double>().ToArray();

    [Theory]
    [InlineData(1e-3, 0.9, 0.999, 1e-8, 0.0, false)]
    [InlineData(0.05, 0.9, 0.99, 1e-8, 0.01, false)]
    [InlineData(0.05, 0.9, 0.99, 1e-8, 0.5, true)]
    [InlineData(0.1, 0.8, 0.9, 1e-6, 0.0, false)]
    public void Every_step_equals_the_papers_formula(double lr, double beta1, double beta2, double eps, double wd, bool decoupled)
    {
        const int steps = 12;
        Assert.False(RAdamReference.Rectified(1, beta2)); // the rows cover both branches
        Assert.True(RAdamReference.Rectified(steps, beta2));
        var w = new Parameter(tensor(Start, float64));
        using var optimizer = new RectifiedAdam([w], lr, beta1, beta2, eps, wd, decoupled);
        var reference = new RAdamReference(Start, lr, beta1, beta2, eps, wd, decoupled);
        for (int t = 1; t <= steps; t++)
        {
            Backward(w);
            optimizer.step();
            reference.Step(Gradient(reference.Weights));
            var actual = Values(w);
            for (int i = 0; i < Start.Length; i++) Assert.Equal(reference.Weights[i], actual[i], 1e-12);
        }
        Assert.NotEqual(Start[0], reference.Weights[0]);
    }

    [Fact]
    public void TorchSharps_RAdam_moves_lr_times_too_little_once_rectified()
    {
        // Documents why Ramp has its own RAdam: TorchSharp 0.107 multiplies the rectified step by lr twice. If this
        // fails after a TorchSharp upgrade, the upstream bug is fixed and RectifiedAdam can be retired.
        const double lr = 1e-2;
        var w = new Parameter(tensor(Start, float64));
        using var optimizer = optim.RAdam([w], lr);
        var reference = new RAdamReference(Start, lr, 0.9, 0.999, 1e-8, 0);
        for (int t = 1; t <= 5; t++)
        {
            Assert.False(RAdamReference.Rectified(t, 0.999));
            Backward(w);
            optimizer.step();
            reference.Step(Gradient(reference.Weights));
            Assert.Equal(reference.Weights, Values(w), (a, b) => Math.Abs(a - b) < 1e-12);
        }
        var before = Values(w);
        Backward(w);
        optimizer.step();
        reference.Step(Gradient(before));
        var actual = Values(w);
        for (int i = 0; i < Start.Length; i++)
            Assert.Equal(lr * (reference.Weights[i] - before[i]), actual[i] - before[i], 1e-14);
    }

    [Fact]
    public void A_reloaded_state_continues_exactly_as_an_uninterrupted_run()
    {
        var w = new Parameter(tensor(Start, float64));
        using var optimizer = new RectifiedAdam([w], 0.05, beta2: 0.99);
        for (int t = 0; t < 7; t++) { Backward(w); optimizer.step(); }
        using var saved = new MemoryStream();
        optimizer.save_state_dict(new BinaryWriter(saved));

        var resumed = new Parameter(tensor(Values(w), float64));
        using var other = new RectifiedAdam([resumed], 0.05, beta2: 0.99);
        saved.Position = 0;
        other.load_state_dict(new BinaryReader(saved));
        for (int t = 0; t < 6; t++)
        {
            Backward(w); optimizer.step();
            Backward(resumed); other.step();
        }
        Assert.Equal(Values(w), Values(resumed));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void A_beta2_outside_0_to_1_is_refused(double beta2)
    {
        var w = new Parameter(tensor(Start, float64));
        var ex = Assert.Throws<RampArgumentException>(() => new RectifiedAdam([w], 0.01, beta2: beta2));
        Assert.Equal("beta2", ex.ParamName);
        Assert.StartsWith($"radam: beta2 must be in [0, 1) but was {beta2}", ex.Message);
        FinalizeAbandoned();
    }

    [Fact]
    public void A_negative_learning_rate_is_refused_and_the_half_built_optimizer_finalizes_quietly()
    {
        var w = new Parameter(tensor(Start, float64));
        var ex = Assert.Throws<ArgumentException>(() => new RectifiedAdam([w], -0.01));
        Assert.Equal("Invalid learning rate: -0.01", ex.Message);
        FinalizeAbandoned();
    }

    // The refused instance is already allocated; its finalizer must not throw (that would end the test process).
    private static void FinalizeAbandoned()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
