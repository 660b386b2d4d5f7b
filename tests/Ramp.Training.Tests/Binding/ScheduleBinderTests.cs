using System.Text.Json;
using Ramp.Schedules;
using Ramp.Training.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Binding;

public sealed class ScheduleBinderTests
{
    private static readonly Schedule Factor = new WarmupDecay(3, 12, 0.1);

    public static IEnumerable<object[]> OptimizerNames() => Optimizers.Names();

    private static bool Same(Tensor a, Tensor b) => (a - b).abs().max().item<float>() == 0;

    [Theory]
    [MemberData(nameof(OptimizerNames))]
    public void Every_group_trains_with_the_schedules_rate_at_every_step(string name)
    {
        var (optimizer, model) = Optimizers.Create(name);
        var binder = ScheduleBinder.Bind(optimizer, new FactorSpec(Factor));
        Assert.Equal(Optimizers.BaseLrs, binder.BaseLrs);
        for (long step = 0; step < 15; step++)
        {
            var groups = optimizer.ParamGroups.ToArray();
            for (int g = 0; g < 2; g++)
                Assert.Equal(Optimizers.BaseLrs[g] * Factor.ValueAt(step), groups[g].LearningRate, 15);
            Optimizers.TrainStep(optimizer, model);
            binder.Advance();
        }
        Assert.Equal(15, binder.Step);
    }

    [Fact]
    public void A_zero_rate_leaves_the_weights_unchanged_and_the_next_rate_moves_them()
    {
        var (optimizer, model) = Optimizers.Create("SGD");
        var set = new ScheduleSet(new Schedule[] { new Triangle(0, 1, 1), new Triangle(0, 1, 1) });
        var binder = new ScheduleBinder(optimizer, set); // triangle: 1 at step 0, 0 at step 1
        binder.Advance();
        var before = model.parameters().Select(p => p.detach().clone()).ToArray();
        Optimizers.TrainStep(optimizer, model);
        Assert.All(model.parameters().Zip(before), pair => Assert.True(Same(pair.First, pair.Second)));
        binder.Advance();
        Optimizers.TrainStep(optimizer, model);
        Assert.Contains(model.parameters().Zip(before), pair => !Same(pair.First, pair.Second));
    }

    [Theory]
    [InlineData("SGD")]
    [InlineData("RMSProp")]
    [InlineData("Adam")]
    [InlineData("AdamW")]
    [InlineData("NAdam")]
    [InlineData("RectifiedAdam")]
    [InlineData("Ramp.SGD")]
    [InlineData("Ramp.RMSProp")]
    [InlineData("Ramp.Adam")]
    [InlineData("Ramp.AdamW")]
    public void Momentum_or_beta1_follows_its_schedule(string name)
    {
        var (optimizer, model) = Optimizers.Create(name);
        var momentum = new Triangle(0.85, 0.95, 4);
        var set = new ScheduleSet(new Schedule[] { new Scaled(0.1, Factor), new Scaled(0.01, Factor) },
            new Schedule[] { momentum, momentum });
        var binder = new ScheduleBinder(optimizer, set);
        var beta2 = optimizer.ParamGroups.First() is optim.IBetas b ? b.Betas.Item2 : double.NaN;
        for (long step = 0; step < 10; step++)
        {
            foreach (var group in optimizer.ParamGroups)
            {
                if (group is optim.IMomentum m) Assert.Equal(momentum.ValueAt(step), m.Momentum, 15);
                else
                {
                    var betas = ((optim.IBetas)group).Betas;
                    Assert.Equal(momentum.ValueAt(step), betas.Item1, 15);
                    Assert.Equal(beta2, betas.Item2);
                }
            }
            Optimizers.TrainStep(optimizer, model);
            binder.Advance();
        }
    }

    [Fact]
    public void Scheduling_momentum_on_an_optimizer_without_it_is_refused()
    {
        var (optimizer, _) = Optimizers.Create("Adagrad");
        var set = new ScheduleSet(new Schedule[] { Factor, Factor }, new Schedule[] { Factor, Factor });
        var e = Assert.Throws<RampArgumentException>(() => new ScheduleBinder(optimizer, set));
        Assert.Equal("schedules", e.ParamName);
        Assert.StartsWith("schedule cycles momentum but optimizer group 0 (Adagrad) has neither momentum nor betas", e.Message);
    }

    [Fact]
    public void A_group_count_mismatch_is_refused()
    {
        var (optimizer, _) = Optimizers.Create("Adam");
        var e = Assert.Throws<RampArgumentException>(() => new ScheduleBinder(optimizer, new ScheduleSet(new[] { Factor })));
        Assert.StartsWith("schedule has 1 learning-rate group(s) but the optimizer has 2", e.Message);
    }

    [Fact]
    public void Accumulation_micro_steps_and_skipped_steps_do_not_advance()
    {
        var (optimizer, model) = Optimizers.Create("AdamW");
        var binder = ScheduleBinder.Bind(optimizer, new FactorSpec(Factor));
        long applied = 0;
        for (int update = 0; update < 5; update++)
        {
            for (int micro = 0; micro < 4; micro++) // gradients accumulate; the optimizer has not stepped yet
                Assert.Equal(0.1 * Factor.ValueAt(applied), optimizer.ParamGroups.First().LearningRate, 15);
            Optimizers.TrainStep(optimizer, model);
            if (update == 2) continue; // a guard skipped this update: the schedule does not move
            binder.Advance();
            applied++;
        }
        Assert.Equal(4, binder.Step);
        Assert.Equal(0.1 * Factor.ValueAt(4), optimizer.ParamGroups.First().LearningRate, 15);
    }

    [Fact]
    public void Plateau_factors_multiply_the_rate_and_the_state_survives_json()
    {
        var (optimizer, _) = Optimizers.Create("SGD");
        var set = new ScheduleSet(new Schedule[] { new Scaled(0.1, Factor), new Scaled(0.01, Factor) }, null, new HalvingPlateau(1));
        var binder = new ScheduleBinder(optimizer, set);
        foreach (var metric in new[] { 1.0, 0.9, 0.95, 0.97 }) { binder.Advance(); binder.Observe(metric); }
        Assert.Equal(0.5, binder.Plateau!.Factors[0]);
        Assert.Equal(0.1 * Factor.ValueAt(4) * 0.5, optimizer.ParamGroups.First().LearningRate, 15);

        var json = JsonSerializer.Serialize(binder.State);
        Assert.Contains("\"Best\":0.9", json);
        var restored = JsonSerializer.Deserialize<BinderState>(json)!;
        var (fresh, _) = Optimizers.Create("SGD");
        var resumed = new ScheduleBinder(fresh, set, restored);
        Assert.Equal(binder.State.Step, resumed.Step);
        Assert.Equal(binder.Plateau.Factors, resumed.Plateau!.Factors);
        Assert.Equal(optimizer.ParamGroups.Select(g => g.LearningRate), fresh.ParamGroups.Select(g => g.LearningRate));
    }

    [Fact]
    public void The_lr_scheduler_bridge_steps_like_a_pytorch_scheduler()
    {
        var (optimizer, model) = Optimizers.Create("SGD");
        var binder = ScheduleBinder.Bind(optimizer, new FactorSpec(Factor));
        var scheduler = binder.AsLrScheduler(optimizer);
        for (long step = 0; step < 6; step++)
        {
            Assert.Equal(0.1 * Factor.ValueAt(step), optimizer.ParamGroups.First().LearningRate, 15);
            Assert.Equal(optimizer.ParamGroups.Select(g => g.LearningRate), scheduler.get_last_lr());
            Optimizers.TrainStep(optimizer, model);
            scheduler.step();
        }
        scheduler.step(0.5); // a metric: observed, not a step
        Assert.Equal(6, binder.Step);
        scheduler.step(2);
        Assert.Equal(0.01 * Factor.ValueAt(2), optimizer.ParamGroups.Last().LearningRate, 15);
    }
}
