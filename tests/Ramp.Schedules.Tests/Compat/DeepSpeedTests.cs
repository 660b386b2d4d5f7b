using Ramp.Schedules.Compat.DeepSpeed;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Compat;

/// <summary>
/// DeepSpeed has no reference cases: the expected values are the documented formulas evaluated by hand, with step t
/// reading last_batch_iteration t − 1 (construction at t = 0).
/// </summary>
public class DeepSpeedTests
{
    private static double Lr(string text, long step, double[] baseLrs, int group = 0) =>
        ScheduleText.Parse(text).Bind(baseLrs).LrAt(group, step);

    [Theory]
    [InlineData(0, 0.0)]                    // construction: min
    [InlineData(1, 0.0)]                    // first step(): log(1) = 0, so two updates at min
    [InlineData(2, 0.030102999566398118)]   // 0.1·log 2 / log 10
    [InlineData(10, 0.1)]                   // t = W − 1: peak
    [InlineData(11, 0.1)]
    [InlineData(1_000_000_000_000, 0.1)]
    public void WarmupLR_log_runs_two_updates_at_min_then_rises(long step, double expected) =>
        PeerReference.AssertClose(expected,
            Lr("deepspeed.runtime.lr_schedules.WarmupLR(optimizer, warmup_min_lr=0.0, warmup_max_lr=0.1, warmup_num_steps=10)", step,
                [0.5]));

    [Fact]
    public void WarmupLR_max_defaults_to_the_first_groups_lr_for_every_group()
    {
        var set = new DeepSpeedWarmupLR(WarmupNumSteps: 10).Bind([0.5, 0.2]);
        Assert.Equal(0.5, set.LrAt(0, 50));
        Assert.Equal(0.5, set.LrAt(1, 50));
    }

    [Fact]
    public void WarmupLR_raises_warmup_steps_to_two_and_supports_linear()
    {
        PeerReference.AssertClose(1.0, new DeepSpeedWarmupLR(new[] { 0.0 }, new[] { 1.0 }, 1).Bind([1.0]).LrAt(0, 2));
        PeerReference.AssertClose(0.06, new DeepSpeedWarmupLR(new[] { 0.01 }, new[] { 0.11 }, 10,
            DeepSpeedWarmupType.Linear).Bind([1.0]).LrAt(0, 6));
    }

    [Theory]
    [InlineData(11, 0.1)]     // t = 10 = W: (20 − 10)/10
    [InlineData(16, 0.05)]    // t = 15
    [InlineData(21, 0.0)]     // t = 20 = T
    [InlineData(500, 0.0)]    // clamped
    public void WarmupDecayLR_decays_linearly_to_zero(long step, double expected) =>
        PeerReference.AssertClose(expected,
            Lr("{\"type\": \"WarmupDecayLR\", \"params\": {\"total_num_steps\": 20, \"warmup_max_lr\": 0.1, \"warmup_num_steps\": 10, \"warmup_type\": \"linear\"}}", step, [7.0]));

    [Fact]
    public void WarmupDecayLR_max_defaults_to_0_001() =>
        PeerReference.AssertClose(0.001, new DeepSpeedWarmupDecayLR(100, WarmupNumSteps: 10).Bind([0.5]).LrAt(0, 11));

    [Theory]
    [InlineData(0, 0.0)]                                     // construction: 0, not min_ratio
    [InlineData(1, 0.4)]                                     // 2·0.2
    [InlineData(6, 1.2)]                                     // 2·(0.2 + 0.8·5/10)
    [InlineData(10, 1.84)]                                   // 2·(0.2 + 0.8·9/10)
    [InlineData(11, 1.9995559043291584)]                     // 2·(0.1 + 0.9·(1 + cos(π/100))/2): already decayed
    [InlineData(110, 0.2)]                                   // progress 1 → cos_min
    [InlineData(10_000, 0.2)]                                // clamped
    public void WarmupCosineLR_starts_at_zero_and_is_clamped(long step, double expected) =>
        PeerReference.AssertClose(expected, new DeepSpeedWarmupCosineLR(110, 0.2, 10, 0.1,
            DeepSpeedWarmupType.Linear).Bind([2.0]).LrAt(0, step));

    [Theory]
    [InlineData(0, 0.01, 0.8)]                       // construction: min lr, β1 = cycle_min_mom
    [InlineData(1, 0.019, 0.89)]                     // b = 1: scale 0.1
    [InlineData(10, 0.1, 0.8)]                       // b = 10: peak
    [InlineData(25, 0.055, 0.85)]                    // b = 25: scale 0.5 on the way down
    [InlineData(40, 0.01, 0.9)]                      // b = 40: end of the cycle
    [InlineData(41, 0.01 / 1.05, 0.909)]             // d = 1
    [InlineData(61, 0.01 / 2.05, 0.9 * 1.21)]        // d = 21
    public void OneCycle_triangle_then_inverse_time_decay(long step, double lr, double momentum)
    {
        var spec = new DeepSpeedOneCycle(0.01, 0.1, DecayLrRate: 0.5, CycleFirstStepSize: 10, CycleSecondStepSize: 30, DecayStepSize: 10,
            DecayMomRate: 0.1);
        var set = spec.Bind([1.0]);
        PeerReference.AssertClose(lr, set.LrAt(0, step));
        PeerReference.AssertClose(momentum, set.MomentumAt(0, step)!.Value);
        Assert.Equal(0.99, DeepSpeedOneCycle.Beta2);
    }

    [Theory]
    [InlineData(4, 0.0)]
    [InlineData(5, 0.5)]
    [InlineData(10, 1.0)]
    [InlineData(15, 0.5)]
    [InlineData(19, 0.0)]
    public void OneCycle_stairs_quantise_from_the_integer_offset(long batch, double scale) =>
        Assert.Equal(scale, new DeepSpeedOneCycle(0.0, 1.0, CycleFirstStepSize: 10, CycleFirstStairCount: 2).ScaleAt(batch - 1));

    [Fact]
    public void OneCycle_without_momentum_has_no_momentum_schedule() =>
        Assert.Null(new DeepSpeedOneCycle(0.01, 0.1, CycleMomentum: false).Bind([1.0]).Momentum);

    [Theory]
    [InlineData(false, 0, 0.001)]
    [InlineData(false, 5, 0.002)]     // 0.001·(1 + 2·5/10)
    [InlineData(true, 5, 0.001)]      // floor(0.5) = 0
    [InlineData(true, 10, 0.003)]
    public void LRRangeTest_grows_linearly(bool staircase, long step, double expected) =>
        PeerReference.AssertClose(expected, new DeepSpeedLRRangeTest(new[] { 0.001 }, 10, 2.0, staircase).Bind([1.0]).LrAt(0, step));

    [Fact]
    public void Config_dict_routes_to_the_record() =>
        Assert.Equal(new DeepSpeedWarmupLR(new[] { 0.0 }, new[] { 0.001 }, 100),
            ScheduleText.Parse("{\"type\": \"WarmupLR\", \"params\": {\"warmup_min_lr\": 0, \"warmup_max_lr\": 0.001, \"warmup_num_steps\": 100}}"));

    [Theory]
    [InlineData("deepspeed.runtime.lr_schedules.WarmupLR(optimizer, warmup_type='cos')", "warmup_type must be one of")]
    [InlineData("deepspeed.runtime.lr_schedules.WarmupLR(optimizer, warmup_num_steps=0)", "warmup_num_steps must be a positive integer")]
    [InlineData("deepspeed.runtime.lr_schedules.WarmupLR(optimizer, last_batch_iteration=5)", "last_batch_iteration other than -1")]
    [InlineData("deepspeed.runtime.lr_schedules.OneCycle(optimizer, cycle_min_lr=0.1)", "needs the argument 'cycle_max_lr'")]
    public void Bad_arguments_are_spec_errors(string text, string message)
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_per_group_list_must_match_the_groups()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new DeepSpeedWarmupLR(new[] { 0.0, 0.1, 0.2 }).Bind([0.1, 0.2]));
        Assert.Contains("expected 2 value(s) for warmup_min_lr, got 3", error.Message);
    }
}
