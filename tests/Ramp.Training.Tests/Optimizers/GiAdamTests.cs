using Ramp.Training.Optimizers;
using static Ramp.Training.Tests.Optimizers.LeastSquares;

namespace Ramp.Training.Tests.Optimizers;

public sealed class GiAdamTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(false, 0.05, 0.9, 0.999, 1e-8, 0.0)]
    [InlineData(false, 0.02, 0.8, 0.95, 1e-6, 0.05)]
    [InlineData(true, 0.05, 0.9, 0.999, 1e-8, 0.1)]
    public void Every_step_equals_the_papers_algorithm(bool decoupled, double lr, double beta1, double beta2, double eps, double wd)
    {
        var p = Parameters(Start());
        using var optimizer = Build(decoupled, p, lr, beta1, beta2, eps, wd);
        var reference = new GiAdamReference(Start(), lr, beta1, beta2, eps, wd, decoupled);
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            reference.Step(Gradient(reference.Weights, t));
            optimizer.step();
            Close(reference.Weights, Values(p), Tolerance, $"step {t + 1}");
        }
    }

    [Theory]
    [InlineData("gi-adam", false)]
    [InlineData("gi-adamw", true)]
    public void Every_step_equals_PyTorchs_Adam_with_a_seeded_second_moment(string name, bool decoupled)
    {
        var c = Case(name);
        var p = Parameters(Start());
        using var optimizer = Build(decoupled, p, Setting(c, "lr"), Setting(c, "beta1"), Setting(c, "beta2"), Setting(c, "eps"), Setting(c, "weight_decay"));
        var expected = Recorded(c, "steps");
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            optimizer.step();
            Close(expected[t], Values(p), Tolerance, $"{name} step {t + 1}");
        }
    }

    [Fact]
    public void The_first_step_is_sqrt_1_minus_beta2_of_Adams()
    {
        // With v_0 = g^2 and the bias correction kept, step 1 moves lr sqrt(1 - beta2) g / |g| where Adam moves lr g / |g|.
        var p = Parameters(Start());
        var q = Parameters(Start());
        using var gi = new Adam(p, 0.05) { GradientInit = true };
        using var adam = new Adam(q, 0.05);
        Backward(p, 0); gi.step();
        Backward(q, 0); adam.step();
        var start = Start();
        var giMove = Values(p).Zip(start, (a, b) => a - b).ToArray();
        var adamMove = Values(q).Zip(start, (a, b) => a - b).ToArray();
        Close(adamMove.Select(m => m * Math.Sqrt(1 - 0.999)).ToArray(), giMove, 1e-6, "first step"); // eps makes it inexact
    }

    [Fact]
    public void A_resumed_run_does_not_initialise_again()
    {
        var p = Parameters(Start());
        using var optimizer = new AdamW(p, 0.05, weightDecay: 0.1) { GradientInit = true };
        for (int t = 0; t < 5; t++) { Backward(p, t); optimizer.step(); }
        using var saved = new MemoryStream();
        optimizer.save_state_dict(new BinaryWriter(saved));
        var resumed = Parameters(Values(p));
        using var other = new AdamW(resumed, 0.05, weightDecay: 0.1) { GradientInit = true };
        saved.Position = 0;
        other.load_state_dict(new BinaryReader(saved));
        for (int t = 5; t < Steps; t++)
        {
            Backward(p, t); optimizer.step();
            Backward(resumed, t); other.step();
        }
        Assert.Equal(Values(p), Values(resumed));
    }

    private static TorchSharp.torch.optim.Optimizer Build(bool decoupled, TorchSharp.Modules.Parameter[] p, double lr, double beta1, double beta2,
        double eps, double wd) =>
        decoupled
            ? new AdamW(p, lr, beta1, beta2, eps, wd) { GradientInit = true }
            : new Adam(p, lr, beta1, beta2, eps, wd) { GradientInit = true };
}
