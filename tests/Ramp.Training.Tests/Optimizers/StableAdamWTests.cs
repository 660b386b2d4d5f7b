using Ramp.Schedules;
using Ramp.Training.Optimizers;
using static Ramp.Training.Tests.Optimizers.LeastSquares;

namespace Ramp.Training.Tests.Optimizers;

public sealed class StableAdamWTests
{
    private const double PaperTolerance = 1e-12;
    private const double AuthorsTolerance = 1e-12;

    [Theory]
    [InlineData(0.05, 0.9, 0.99, 1e-8, 0.1, 1.0)]
    [InlineData(0.01, 0.8, 0.95, 1e-6, 0.0, 0.5)]
    [InlineData(0.02, 0.9, 0.999, 1e-8, 0.01, 1e6)] // threshold never reached: plain AdamW
    public void Every_step_equals_the_papers_algorithm(double lr, double beta1, double beta2, double eps, double wd, double threshold)
    {
        var p = Parameters(Start());
        using var optimizer = new StableAdamW(p, lr, beta1, beta2, eps, wd, threshold);
        var reference = new StableAdamWReference(Start(), Sizes, lr, beta1, beta2, eps, wd, threshold);
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            reference.Step(Gradient(reference.Weights, t));
            optimizer.step();
            Close(reference.Weights, Values(p), PaperTolerance, $"step {t + 1}");
        }
        if (threshold < 10) Assert.True(reference.ClippedSteps > 0, "no step was clipped: the rows would not test the clipping");
        else Assert.Equal(0, reference.ClippedSteps);
    }

    [Fact]
    public void Without_clipping_it_is_AdamW()
    {
        var p = Parameters(Start());
        var q = Parameters(Start());
        using var stable = new StableAdamW(p, 0.02, 0.9, 0.999, 1e-8, 0.01, clipThreshold: 1e6);
        using var adamw = new AdamW(q, 0.02, 0.9, 0.999, 1e-8, 0.01);
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t); stable.step();
            Backward(q, t); adamw.step();
        }
        Close(Values(q), Values(p), 1e-13, "after 12 steps");
    }

    [Fact]
    public void A_zero_rate_moves_nothing_but_keeps_the_moments_as_AdamW_does()
    {
        var p = Parameters(Start());
        var q = Parameters(Start());
        using var stable = new StableAdamW(p, 0.0, 0.9, 0.999, 1e-8, 0.01, clipThreshold: 1e6);
        using var adamw = new AdamW(q, 0.0, 0.9, 0.999, 1e-8, 0.01);
        for (int t = 0; t < Steps; t++)
        {
            if (t == 3) foreach (var g in stable.ParamGroups.Concat(adamw.ParamGroups)) g.LearningRate = 0.02;
            Backward(p, t); stable.step();
            Backward(q, t); adamw.step();
            if (t < 3) Close(Start(), Values(p), 0, $"step {t + 1} at rate 0");
        }
        Close(Values(q), Values(p), 1e-13, "3 steps at rate 0, then 9 at 0.02");
    }

    [Fact]
    public void Every_step_equals_the_authors_code()
    {
        var c = Case("stable-adamw");
        var p = Parameters(Start());
        using var optimizer = new StableAdamW(p, Setting(c, "lr"), Setting(c, "beta1"), Setting(c, "beta2"), Setting(c, "eps"),
            Setting(c, "weight_decay"), Setting(c, "clip_threshold"));
        var expected = Recorded(c, "steps");
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            optimizer.step();
            Close(expected[t], Values(p), AuthorsTolerance, $"step {t + 1}");
        }
    }

    [Fact]
    public void A_reloaded_state_continues_exactly_as_an_uninterrupted_run()
    {
        var p = Parameters(Start());
        using var optimizer = new StableAdamW(p, 0.05, 0.9, 0.99, weightDecay: 0.1);
        for (int t = 0; t < 5; t++) { Backward(p, t); optimizer.step(); }
        using var saved = new MemoryStream();
        optimizer.save_state_dict(new BinaryWriter(saved));
        var resumed = Parameters(Values(p));
        using var other = new StableAdamW(resumed, 0.05, 0.9, 0.99, weightDecay: 0.1);
        saved.Position = 0;
        other.load_state_dict(new BinaryReader(saved));
        for (int t = 5; t < Steps; t++)
        {
            Backward(p, t); optimizer.step();
            Backward(resumed, t); other.step();
        }
        Assert.Equal(Values(p), Values(resumed));
    }

    [Fact]
    public void A_non_positive_threshold_is_refused()
    {
        var e = Assert.Throws<RampArgumentException>(() => new StableAdamW(Parameters(Start()), clipThreshold: 0));
        Assert.Equal("clipThreshold", e.ParamName);
        Assert.StartsWith("stable-adamw: clip threshold must be finite and > 0 but was 0", e.Message);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
