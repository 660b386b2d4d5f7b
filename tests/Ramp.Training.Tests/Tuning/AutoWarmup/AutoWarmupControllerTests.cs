using System.Text.Json;
using CsCheck;
using Ramp.Schedules;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Tests.Tuning.AutoWarmup;

public class AutoWarmupControllerTests
{
    private static readonly AutoWarmupController Default = new(new AutoWarmupOptions(TargetLr: 0.4));

    [Fact]
    public void Benign_signal_reaches_the_target_and_declares_done()
    {
        var (final, trace) = Signals.Drive(Default, 200, Signals.Benign);
        Assert.Equal(AutoWarmupPhase.Done, final.Phase);
        Assert.Equal(1, final.Factor);
        Assert.Equal(0.4, Default.LrFor(final));
        // 0.01 * 1.05^n reaches 1 after ceil(ln 100 / ln 1.05) = 95 growth steps (steps 0..94), then 20 green
        // steps at the target (95..114): done is decided at step 114.
        var decisions = trace.Where(t => t.Decision is not null).Select(t => t.Decision!).ToList();
        var done = Assert.Single(decisions);
        Assert.Equal(WarmupAction.Done, done.Action);
        Assert.Equal(114, done.Step);
        Assert.Equal(1, trace[94].State.Factor);
        Assert.True(trace[93].State.Factor < 1);
        // Growth is monotone and the target is never exceeded.
        for (var i = 1; i < trace.Count; i++) Assert.True(trace[i].State.Factor >= trace[i - 1].State.Factor);
    }

    [Fact]
    public void Loss_spike_backs_off_and_records_the_gate()
    {
        var (final, trace) = Signals.Drive(Default, 300,
            (t, f) => t == 60 ? Signals.Benign(t, f) with { Loss = 3 * Signals.Benign(t, f).Loss } : Signals.Benign(t, f));
        var backOff = trace[60].Decision!;
        Assert.Equal(WarmupAction.BackOff, backOff.Action);
        Assert.Equal(60, backOff.Step);
        Assert.Equal("catapult", backOff.Gate);
        Assert.Contains("more than 1.5x its recent level", backOff.Reason);
        Assert.Equal(backOff.FactorBefore / 2, backOff.FactorAfter, 15);
        Assert.Equal(backOff.FactorAfter, trace[60].State.Factor);
        // Five cooldown steps hold the cut factor; the spike did not poison the statistics, so it then climbs again.
        for (var i = 61; i <= 65; i++) Assert.Equal(backOff.FactorAfter, trace[i].State.Factor);
        Assert.True(trace[66].State.Factor > backOff.FactorAfter);
        Assert.Equal(AutoWarmupPhase.Done, final.Phase);
        Assert.Equal(1.025, final.Growth, 12); // the growth excess was halved once
    }

    [Fact]
    public void Large_update_ratio_holds_then_growth_resumes()
    {
        var (_, trace) = Signals.Drive(Default, 60, (t, f) => t is >= 30 and < 40
            ? Signals.Benign(t, f) with { UpdateRatios = [new("attn.qkv", 0.05), new("fc1.weight", 1e-3)] }
            : Signals.Benign(t, f));
        for (var i = 30; i < 40; i++)
        {
            var d = trace[i].Decision!;
            Assert.Equal(WarmupAction.Hold, d.Action);
            Assert.Equal("update-ratio", d.Gate);
            Assert.Equal("layer 'attn.qkv' update/weight ratio 0.05 > amber bound 0.03", d.Reason);
            Assert.Equal(trace[29].State.Factor, trace[i].State.Factor);
        }
        Assert.Equal(trace[29].State.Factor * 1.05, trace[40].State.Factor, 15);
    }

    [Fact]
    public void Slow_loss_rise_holds_before_it_backs_off()
    {
        // From step 60 the loss climbs 3% a step, against a 2% wobble: the loss z-score crosses its amber bound
        // (hold) before it, or the raw loss against the catapult's +50%, crosses red (back off).
        var (_, trace) = Signals.Drive(Default, 100, (t, f) => t >= 60
            ? Signals.Benign(t, f) with { Loss = Signals.Benign(60, f).Loss * Math.Pow(1.03, t - 59) }
            : Signals.Benign(t, f));
        var decisions = trace.Select(t => t.Decision).OfType<WarmupDecision>().ToList();
        var firstHold = decisions.First(d => d.Action == WarmupAction.Hold);
        var firstBackOff = decisions.First(d => d.Action == WarmupAction.BackOff);
        Assert.Equal("loss-z", firstHold.Gate);
        Assert.Equal("loss-z", firstBackOff.Gate);
        Assert.True(firstHold.Step < firstBackOff.Step);
        Assert.True(firstHold.Step >= 60);
    }

    [Fact]
    public void Non_finite_step_backs_off_and_is_left_out_of_the_statistics()
    {
        var (_, trace) = Signals.Drive(Default, 50, (t, f) => t == 40
            ? new TrainingSignals(double.NaN, double.PositiveInfinity, NonFinite: true)
            : Signals.Benign(t, f));
        var d = trace[40].Decision!;
        Assert.Equal(WarmupAction.BackOff, d.Action);
        Assert.Equal("non-finite", d.Gate);
        Assert.Equal(trace[39].State.LossStats, trace[40].State.LossStats);
        Assert.Equal(trace[39].State.GradNormStats, trace[40].State.GradNormStats);
        Assert.True(double.IsFinite(trace[49].State.LossStats.Median));
        Assert.All(trace.Skip(41), t => Assert.NotEqual(WarmupAction.BackOff, t.Decision?.Action));
    }

    [Fact]
    public void Gives_up_at_the_step_budget_below_the_target()
    {
        var controller = new AutoWarmupController(new AutoWarmupOptions(0.4, MaxSteps: 50));
        var (final, trace) = Signals.Drive(controller, 60, (t, f) => t >= 20
            ? Signals.Benign(t, f) with { UpdateRatios = [new("fc1.weight", 0.05)] }
            : Signals.Benign(t, f));
        Assert.Equal(AutoWarmupPhase.GaveUp, final.Phase);
        var d = trace[49].Decision!;
        Assert.Equal(WarmupAction.GaveUp, d.Action);
        Assert.Equal(0.01 * Math.Pow(1.05, 20), final.Factor, 12);
        Assert.Equal(final.Factor, trace[59].State.Factor); // frozen afterwards
    }

    [Fact]
    public void After_done_the_factor_stays_at_the_target_whatever_the_signals()
    {
        var (final, _) = Signals.Drive(Default, 150, Signals.Benign);
        var next = Default.Observe(final, new TrainingSignals(double.NaN, NonFinite: true));
        Assert.Equal(1, next.State.Factor);
        Assert.Null(next.Decision);
        Assert.Equal(final.Step + 1, next.State.Step);
    }

    [Fact]
    public void State_round_trips_through_json_and_resumes_identically()
    {
        var (mid, _) = Signals.Drive(Default, 70, (t, f) => t == 60 ? new TrainingSignals(double.NaN, NonFinite: true) : Signals.Benign(t, f));
        var json = JsonSerializer.Serialize(mid);
        var back = JsonSerializer.Deserialize<AutoWarmupState>(json)!;
        Assert.Equal(mid, back);
        var a = mid;
        var b = back;
        for (var i = 0; i < 80; i++)
        {
            a = Default.Observe(a, Signals.Benign(a.Step, a.Factor)).State;
            b = Default.Observe(b, Signals.Benign(b.Step, b.Factor)).State;
        }
        Assert.Equal(a, b);
    }

    [Fact]
    public void Factor_stays_within_floor_and_target_on_any_signals() =>
        Gen.Select(Gen.Double[0, 10], Gen.Double[0, 5], Gen.Double[0, 0.3], Gen.Bool).Array[1, 300].Sample(steps =>
        {
            var controller = new AutoWarmupController(new AutoWarmupOptions(1.0, MinSamples: 5));
            var state = controller.Start();
            foreach (var (loss, norm, ratio, bad) in steps)
            {
                state = controller.Observe(state, new TrainingSignals(loss, norm, [new("w", ratio)], bad && loss > 9)).State;
                if (state.Factor is < 1e-4 or > 1) return false;
            }
            return true;
        });

    [Fact]
    public void Options_are_validated_with_names()
    {
        var e = Assert.Throws<RampArgumentException>(() => new AutoWarmupController(new AutoWarmupOptions(0.1, ZRed: 2)));
        Assert.Equal("ZRed", e.ParamName);
        Assert.Contains("auto warmup: ZRed must be > z amber 2.5 (+infinity: never) but was 2", e.Message);
        e = Assert.Throws<RampArgumentException>(() => new AutoWarmupController(new AutoWarmupOptions(-1)));
        Assert.Equal("TargetLr", e.ParamName);
    }

    [Fact]
    public void Adam_preset_climbs_like_sgd_in_25_steps()
    {
        var o = AutoWarmupOptions.ForAdam(1e-3);
        Assert.Equal(25, Math.Ceiling(Math.Log(1 / o.InitialFactor) / Math.Log(o.Growth)));
        Assert.Equal(double.PositiveInfinity, o.UpdateRatioAmber);
    }

    [Fact]
    public void Adam_preset_ignores_update_ratios()
    {
        // Adam's early step moves each weight by about lr, so ||dw||/||w|| is about lr / rms(w) whatever happens.
        var adam = new AutoWarmupController(AutoWarmupOptions.ForAdam(8e-3));
        var (final, trace) = Signals.Drive(adam, 140, (t, f) => Signals.Benign(t, f) with { UpdateRatios = [new("attn.qkv", 0.4 * f)] });
        Assert.DoesNotContain(trace, t => t.Decision?.Action is WarmupAction.Hold or WarmupAction.BackOff);
        Assert.Equal(AutoWarmupPhase.Done, final.Phase);
    }

    [Fact]
    public void Gradient_spike_after_a_start_transient_backs_off()
    {
        // The deep MLP's start: gradient norm from 150 to about 1 in 30 steps, then an 11x spike at step 60. An EMA
        // baseline (ZClip's) still remembered the transient there and scored the spike z < 1.
        var (_, trace) = Signals.Drive(Default, 70, (t, f) => Signals.Benign(t, f) with
        {
            GradNorm = t == 60 ? 11 : t < 30 ? 150 * Math.Pow(0.85, t) : 1 + 0.05 * Math.Cos(0.9 * t),
        });
        Assert.DoesNotContain(trace.Skip(40).Take(20), t => t.Decision is not null);
        var d = trace[60].Decision!;
        Assert.Equal((WarmupAction.BackOff, "grad-norm"), (d.Action, d.Gate));
        Assert.StartsWith("gradient norm 11 is more than 10x its recent median", d.Reason);
    }
}
