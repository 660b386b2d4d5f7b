using Ramp.Schedules;
using Ramp.Training.Binding;
using Ramp.Training.Optimizers;
using Ramp.Training.Tests.Binding;
using TorchSharp.Modules;
using static Ramp.Training.Tests.Optimizers.LeastSquares;

namespace Ramp.Training.Tests.Optimizers;

public sealed class ProdigyTests
{
    private const double PaperTolerance = 1e-11;
    private const double AuthorsTolerance = 1e-11;

    private static Prodigy Build(Parameter[] p, double lr, double beta1, double beta2, double eps, double wd, bool decouple, bool bias,
        bool safeguard, double d0, double dCoef, double growth) =>
        new(p, lr, beta1, beta2, null, eps, wd, decouple, bias, safeguard, d0, dCoef, growth);

    [Theory]
    [InlineData(1.0, 0.9, 0.999, 1e-8, 0.0, true, false, false, 1e-6, 1.0, double.PositiveInfinity)]
    [InlineData(1.0, 0.9, 0.99, 1e-8, 0.1, true, true, false, 1e-6, 2.0, 1.2)]
    [InlineData(1.0, 0.0, 0.999, 1e-8, 0.05, false, false, true, 1e-4, 1.0, double.PositiveInfinity)]
    [InlineData(0.5, 0.8, 0.99, 1e-8, 0.0, true, true, true, 1e-5, 1.0, 1.5)]
    public void Every_step_equals_the_papers_algorithm(double lr, double beta1, double beta2, double eps, double wd, bool decouple,
        bool bias, bool safeguard, double d0, double dCoef, double growth)
    {
        var p = Parameters(Start());
        using var optimizer = Build(p, lr, beta1, beta2, eps, wd, decouple, bias, safeguard, d0, dCoef, growth);
        var reference = new ProdigyReference(Start(), lr, beta1, beta2, eps, wd, decouple, bias, safeguard, d0, dCoef, growth);
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            reference.Step(Gradient(reference.Weights, t));
            optimizer.step();
            Close(reference.Weights, Values(p), PaperTolerance, $"step {t + 1}");
            Close([reference.D], [optimizer.D.item<double>()], PaperTolerance, $"d after step {t + 1}");
        }
        Assert.True(reference.D > 2 * d0 || safeguard, $"d grew from {d0} to {reference.D}"); // the estimate really moved
    }

    [Theory]
    [InlineData("prodigy")]
    [InlineData("prodigy-decay-bias-growth")]
    [InlineData("prodigy-no-momentum-l2-safeguard")]
    public void Every_step_and_every_d_equal_the_authors_code(string name)
    {
        var c = Case(name);
        var p = Parameters(Start());
        using var optimizer = Build(p, Setting(c, "lr"), Setting(c, "beta1"), Setting(c, "beta2"), Setting(c, "eps"), Setting(c, "weight_decay"),
            Setting(c, "decouple") == 1, Setting(c, "use_bias_correction") == 1, Setting(c, "safeguard_warmup") == 1, Setting(c, "d0"),
            Setting(c, "d_coef"), Setting(c, "growth_rate"));
        var expected = Recorded(c, "steps");
        var d = RecordedVector(c, "d");
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            optimizer.step();
            Close(expected[t], Values(p), AuthorsTolerance, $"{name} step {t + 1}");
            Close([d[t]], [optimizer.D.item<double>()], AuthorsTolerance, $"{name} d after step {t + 1}");
        }
    }

    [Fact]
    public void A_reloaded_state_continues_exactly_as_an_uninterrupted_run()
    {
        var p = Parameters(Start());
        using var optimizer = new Prodigy(p, weightDecay: 0.01);
        for (int t = 0; t < 5; t++) { Backward(p, t); optimizer.step(); }
        using var saved = new MemoryStream();
        optimizer.save_state_dict(new BinaryWriter(saved));
        var resumed = Parameters(Values(p));
        using var other = new Prodigy(resumed, weightDecay: 0.01);
        saved.Position = 0;
        other.load_state_dict(new BinaryReader(saved));
        Assert.Equal(optimizer.D.item<double>(), other.D.item<double>());
        for (int t = 5; t < Steps; t++)
        {
            Backward(p, t); optimizer.step();
            Backward(resumed, t); other.step();
        }
        Assert.Equal(Values(p), Values(resumed));
        Assert.Equal(optimizer.D.item<double>(), other.D.item<double>());
    }

    [Fact]
    public void The_schedule_binder_scales_the_estimated_step()
    {
        var p = Parameters(Start());
        using var optimizer = new Prodigy(p);
        var schedule = new Scaled(1.0, new WarmupDecay(4, Steps, 0.2));
        var binder = new ScheduleBinder(optimizer, new ScheduleSet(new Schedule[] { schedule }));
        var reference = new ProdigyReference(Start(), 1.0, 0.9, 0.999, 1e-8, 0, true, false, false, 1e-6, 1.0, double.PositiveInfinity);
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            reference.Lr = binder.LrOf(0);
            reference.Step(Gradient(reference.Weights, t));
            optimizer.step();
            binder.Advance();
            Close(reference.Weights, Values(p), PaperTolerance, $"step {t + 1}");
        }
        Assert.Equal(0.25, schedule.ValueAt(0), 15); // the first steps really were scaled down
    }

    [Fact]
    public void Groups_share_one_estimate_and_a_group_at_rate_0_stays_still()
    {
        var start = Start();
        var w = new Parameter(TorchSharp.torch.tensor(start[..6], TorchSharp.torch.float64).reshape(3, 2));
        var b = new Parameter(TorchSharp.torch.tensor(start[6..], TorchSharp.torch.float64));
        using var optimizer = new Prodigy([new ProdigyParamGroup([w]), new ProdigyParamGroup([b], new ProdigyOptions { LearningRate = 0 })]);
        for (int t = 0; t < Steps; t++) { Backward([w, b], t); optimizer.step(); }
        Assert.Equal(start[6..], Values([b]));
        Assert.NotEqual(start[..6], Values([w]));
        Assert.True(optimizer.D.item<double>() > 1e-6);
    }

    [Fact]
    public void Different_non_zero_group_rates_are_refused_at_the_step()
    {
        var start = Start();
        var w = new Parameter(TorchSharp.torch.tensor(start[..6], TorchSharp.torch.float64));
        var b = new Parameter(TorchSharp.torch.tensor(start[6..], TorchSharp.torch.float64));
        using var optimizer = new Prodigy([new ProdigyParamGroup([w]), new ProdigyParamGroup([b], new ProdigyOptions { LearningRate = 0.5 })]);
        var e = Assert.Throws<InvalidOperationException>(() => optimizer.step());
        Assert.Equal("prodigy: every group's learning rate must be the largest one (1) or 0, but one is 0.5", e.Message);
    }

    [Fact]
    public void A_non_positive_d0_is_refused()
    {
        var e = Assert.Throws<RampArgumentException>(() => new Prodigy(Parameters(Start()), d0: 0));
        Assert.Equal("d0", e.ParamName);
        Assert.StartsWith("prodigy: d0 must be finite and > 0 but was 0", e.Message);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
