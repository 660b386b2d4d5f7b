using Ramp.Schedules;
using Ramp.Training.Binding;
using Ramp.Training.Optimizers;
using Ramp.Training.Tests.Binding;
using TorchSharp.Modules;
using static Ramp.Training.Tests.Optimizers.LeastSquares;

namespace Ramp.Training.Tests.Optimizers;

public sealed class ScheduleFreeTests
{
    // float64 throughout; the differences left are rounding (the paper's form keeps x, Ramp's keeps y; docs/optimizers.md).
    private const double PaperTolerance = 1e-12;
    private const double AuthorsTolerance = 1e-13;

    private static ScheduleFreeOptimizer Build(bool adam, Parameter[] p, double lr, double beta1, double beta2, double eps, double wd, long warmup, double r, double power) =>
        adam ? new ScheduleFreeAdamW(p, lr, beta1, beta2, eps, wd, warmup, r, power) : new ScheduleFreeSgd(p, lr, beta1, wd, warmup, r, power);

    [Theory]
    [InlineData(true, 0.05, 0.9, 0.99, 1e-8, 0.01, 3L, 0.0, 2.0)]
    [InlineData(true, 0.02, 0.8, 0.999, 1e-6, 0.0, 0L, 1.0, 1.0)]
    [InlineData(false, 0.1, 0.9, 0.0, 0.0, 0.01, 3L, 0.0, 2.0)]
    [InlineData(false, 0.05, 0.5, 0.0, 0.0, 0.0, 0L, 0.5, 0.0)]
    public void Every_step_equals_the_papers_three_sequences(bool adam, double lr, double beta1, double beta2, double eps, double wd,
        long warmup, double r, double power)
    {
        var p = Parameters(Start());
        using var optimizer = Build(adam, p, lr, beta1, beta2, eps, wd, warmup, r, power);
        var reference = new ScheduleFreeReference(Start(), adam, lr, beta1, beta2, eps, wd, warmup, r, power);
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            reference.Step(Gradient(reference.Y, t));
            optimizer.step();
            Close(reference.Y, Values(p), PaperTolerance, $"y after step {t + 1}");
            Assert.Equal(reference.LastC, optimizer.AveragingWeight, 1e-15);
            optimizer.Eval();
            Close(reference.X, Values(p), PaperTolerance, $"x after step {t + 1}");
            optimizer.Train();
        }
        Assert.NotEqual(reference.X, reference.Y); // the two points really differ
    }

    [Theory]
    [InlineData("schedule-free-adamw")]
    [InlineData("schedule-free-adamw-r1")]
    [InlineData("schedule-free-sgd")]
    public void Every_step_equals_the_authors_code(string name)
    {
        var c = Case(name);
        bool adam = name.Contains("adamw", StringComparison.Ordinal);
        var p = Parameters(Start());
        using var optimizer = adam
            ? Build(true, p, Setting(c, "lr"), Setting(c, "beta1"), Setting(c, "beta2"), Setting(c, "eps"), Setting(c, "weight_decay"),
                (long)Setting(c, "warmup_steps"), Setting(c, "r"), Setting(c, "weight_lr_power"))
            : Build(false, p, Setting(c, "lr"), Setting(c, "momentum"), 0, 0, Setting(c, "weight_decay"),
                (long)Setting(c, "warmup_steps"), Setting(c, "r"), Setting(c, "weight_lr_power"));
        var expected = Recorded(c, "steps");
        for (int t = 0; t < Steps; t++)
        {
            Backward(p, t);
            optimizer.step();
            Close(expected[t], Values(p), AuthorsTolerance, $"{name} step {t + 1}");
            if (t + 1 != EvalAt) continue;
            optimizer.Eval();
            Close(RecordedVector(c, "x_at_eval"), Values(p), AuthorsTolerance, $"{name} x at step {t + 1}");
            optimizer.Train();
        }
        optimizer.Eval();
        Close(RecordedVector(c, "x_final"), Values(p), AuthorsTolerance, $"{name} final x");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_state_saved_in_eval_mode_resumes_exactly_as_the_uninterrupted_run(bool adam)
    {
        var p = Parameters(Start());
        using var optimizer = Build(adam, p, 0.05, 0.9, 0.99, 1e-8, 0.01, 3, 0, 2);
        for (int t = 0; t < 5; t++) { Backward(p, t); optimizer.step(); }
        optimizer.Eval(); // as the loop checkpoints: the model file holds x
        using var saved = new MemoryStream();
        optimizer.save_state_dict(new BinaryWriter(saved));
        var resumed = Parameters(Values(p));
        optimizer.Train();
        using var other = Build(adam, resumed, 0.05, 0.9, 0.99, 1e-8, 0.01, 3, 0, 2);
        saved.Position = 0;
        other.load_state_dict(new BinaryReader(saved));
        Assert.False(other.Training);
        other.Train();
        for (int t = 5; t < Steps; t++)
        {
            Backward(p, t); optimizer.step();
            Backward(resumed, t); other.step();
        }
        Assert.Equal(Values(p), Values(resumed));
    }

    [Fact]
    public void Stepping_in_eval_mode_is_refused_and_the_swap_is_idempotent()
    {
        var p = Parameters(Start());
        using var optimizer = new ScheduleFreeAdamW(p, 0.05);
        for (int t = 0; t < 3; t++) { Backward(p, t); optimizer.step(); } // at step 1 c = 1, so x = y = z
        var y = Values(p);
        optimizer.Eval();
        var x = Values(p);
        optimizer.Eval();
        Assert.Equal(x, Values(p));
        Assert.NotEqual(y, x);
        var e = Assert.Throws<InvalidOperationException>(() => optimizer.step());
        Assert.StartsWith("ScheduleFreeAdamW: step() in eval mode; call Train() first", e.Message);
        optimizer.Train();
        optimizer.Train();
        Close(y, Values(p), 1e-15, "y after eval and train");
    }

    [Fact]
    public void The_schedule_binder_drives_the_rate_and_the_groups_stay_apart()
    {
        var start = Start();
        var w = new Parameter(TorchSharp.torch.tensor(start[..6], TorchSharp.torch.float64).reshape(3, 2));
        var b = new Parameter(TorchSharp.torch.tensor(start[6..], TorchSharp.torch.float64));
        using var optimizer = new ScheduleFreeAdamW([new ScheduleFreeParamGroup([w]), new ScheduleFreeParamGroup([b], new ScheduleFreeOptions { Beta1 = 0.5 })],
            lr: 0.05, beta2: 0.99);
        var schedule = new Scaled(0.05, new WarmupDecay(4, Steps, 0.2));
        var binder = new ScheduleBinder(optimizer, new ScheduleSet(new Schedule[] { schedule, schedule }));
        var refW = new ScheduleFreeReference(start[..6], true, 0.05, 0.9, 0.99, 1e-8, 0, 0, 0, 2);
        var refB = new ScheduleFreeReference(start[6..], true, 0.05, 0.5, 0.99, 1e-8, 0, 0, 0, 2);
        for (int t = 0; t < Steps; t++)
        {
            var g = Gradient([.. refW.Y, .. refB.Y], t);
            Backward([w, b], t);
            (refW.Lr, refB.Lr) = (binder.LrOf(0), binder.LrOf(1));
            Assert.Equal(schedule.ValueAt(t), optimizer.ParamGroups.First().LearningRate, 1e-15);
            optimizer.step();
            binder.Advance();
            refW.Step(g[..6]);
            refB.Step(g[6..]);
            Close([.. refW.Y, .. refB.Y], Values([w, b]), PaperTolerance, $"step {t + 1}");
        }
    }

    [Fact]
    public void A_beta1_outside_0_to_1_is_refused()
    {
        var e = Assert.Throws<RampArgumentException>(() => new ScheduleFreeSgd(Parameters(Start()), 0.1, momentum: 1.0));
        Assert.Equal("beta1", e.ParamName);
        Assert.StartsWith("schedule-free-sgd: beta1 (momentum) must be in (0, 1) but was 1", e.Message);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
