using Ramp.Schedules.Compat.Hf;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Compat;

public class HfCatalogTests
{
    [Fact]
    public void A_float_warmup_below_one_is_a_ratio_of_the_training_steps() =>
        Assert.Equal(new HfLinearWithWarmup(10, 95),
            ScheduleText.Parse("transformers.get_linear_schedule_with_warmup(optimizer, num_warmup_steps=0.1, num_training_steps=95)"));

    [Fact]
    public void A_warmup_ratio_without_training_steps_is_an_error()
    {
        var error = Assert.Throws<SpecException>(()
            => ScheduleText.Parse("transformers.get_constant_schedule_with_warmup(optimizer, 0.1)"));
        Assert.Contains("needs num_training_steps", error.Message);
    }

    public static TheoryData<string, ScheduleSpec> Dispatch => new()
    {
        { "transformers.get_scheduler('linear', optimizer, num_warmup_steps=10, num_training_steps=200)", new HfLinearWithWarmup(10, 200) },
        { "transformers.get_scheduler('cosine', optimizer, 0.05, 200)", new HfCosineWithWarmup(10, 200) },
        { "get_scheduler(SchedulerType.COSINE_WITH_RESTARTS, optimizer, num_warmup_steps=0, num_training_steps=500, scheduler_specific_kwargs={'num_cycles': 3})",
            new HfCosineWithHardRestarts(0, 500, 3) },
        { "transformers.optimization.get_scheduler('constant', optimizer, num_warmup_steps=99, num_training_steps=5)", new HfConstant() },
        { "transformers.get_scheduler('constant_with_warmup', optimizer, num_warmup_steps=0.5, num_training_steps=5, scheduler_specific_kwargs={'x': 1})",
            new HfConstantWithWarmup(3) },
        { "transformers.get_scheduler('inverse_sqrt', optimizer, num_warmup_steps=10, scheduler_specific_kwargs={'timescale': 50})",
            new HfInverseSqrt(10, 50) },
        { "transformers.get_scheduler('polynomial', optimizer, 10, 200, {'lr_end': 1e-5, 'power': 2.0})", new HfPolynomialDecay(10, 200,
            1e-5, 2.0) },
        { "transformers.get_scheduler('cosine_with_min_lr', optimizer, 10, 200, {'min_lr': 1e-4})", new HfCosineWithMinLr(10, 200,
            MinLr: 1e-4) },
        { "transformers.get_scheduler('cosine_warmup_with_min_lr', optimizer, 10, 200, {'min_lr_rate': 0.1})",
            new HfCosineWarmupWithMinLr(10, 200, MinLrRate: 0.1) },
        { "transformers.get_scheduler('warmup_stable_decay', optimizer, num_warmup_steps=10, num_training_steps=200, scheduler_specific_kwargs={'num_decay_steps': 100, 'min_lr_ratio': 0.1})",
            new HfWarmupStableDecay(10, 100, 200, MinLrRatio: 0.1) },
    };

    [Theory]
    [MemberData(nameof(Dispatch))]
    public void Get_scheduler_dispatches_like_transformers(string text, ScheduleSpec expected) =>
        Assert.Equal(expected, ScheduleText.Parse(text));

    [Fact]
    public void Get_scheduler_reduce_lr_on_plateau_gives_a_plateau_rule()
    {
        var set = ScheduleText.Parse("transformers.get_scheduler('reduce_lr_on_plateau', optimizer, scheduler_specific_kwargs={'patience': 2})").Bind([0.1]);
        Assert.NotNull(set.Plateau);
        Assert.Equal(0.1, set.LrAt(0, 100));
    }

    [Theory]
    [InlineData("transformers.get_scheduler('linear', optimizer, num_warmup_steps=10)", "linear requires `num_training_steps`")]
    [InlineData("transformers.get_scheduler('cosine', optimizer)", "cosine requires `num_warmup_steps`")]
    [InlineData("transformers.get_scheduler('lineer', optimizer, 10, 100)", "did you mean 'linear'")]
    [InlineData("transformers.get_scheduler('cosine', optimizer, 10, 100, {'num_cycle': 1})", "has no parameter 'num_cycle'")]
    [InlineData("transformers.get_cosine_with_min_lr_schedule_with_warmup(optimizer, 10, 100, min_lr=0.1, min_lr_rate=0.1)",
        "only one of min_lr or min_lr_rate")]
    [InlineData("transformers.get_cosine_with_min_lr_schedule_with_warmup(optimizer, 10, 100)", "one of min_lr or min_lr_rate must be set")]
    [InlineData("transformers.get_wsd_schedule(optimizer, 10, 100)", "either num_training_steps or num_stable_steps")]
    [InlineData("transformers.get_wsd_schedule(optimizer, 10, 100, 200, decay_type='sqrt')", "decay_type must be one of")]
    // transformers 5 has linear, cosine and 1-sqrt decays only (docs/schedules.md): 1-square and exp are native wsd shapes
    [InlineData("transformers.get_wsd_schedule(optimizer, 10, 100, 200, decay_type='1-square')", "decay_type must be one of")]
    [InlineData("transformers.get_wsd_schedule(optimizer, 10, 100, 200, decay_type='exp')", "decay_type must be one of")]
    [InlineData("transformers.get_linear_schedule_with_warmup(optimizer, num_warmup_steps=-5, num_training_steps=100)",
        "num_warmup_steps must be >= 0 but was -5")]
    [InlineData("transformers.get_polynomial_decay_schedule_with_warmup(optimizer, 10, 10)", "num_training_steps must differ")]
    public void Mistakes_are_spec_errors(string text, string message)
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Polynomial_needs_lr_end_below_the_default_lr()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new HfPolynomialDecay(0, 100, 0.5).Bind([0.1]));
        Assert.Contains("lr_end (0.5) must be smaller than initial lr (0.1)", error.Message);
    }

    [Fact]
    public void Absolute_min_lr_is_a_rate_of_the_first_groups_lr()
    {
        var set = new HfCosineWithMinLr(0, 100, MinLr: 0.01).Bind([0.1, 0.01]);
        PeerReference.AssertClose(0.01, set.LrAt(0, 100));
        PeerReference.AssertClose(0.001, set.LrAt(1, 100));
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(9, 0.9)]
    [InlineData(10, 1.0)]
    [InlineData(190, 1.0)]   // the half cosine rises again past T
    [InlineData(999_999_999_910, 1.0)]
    public void Cosine_starts_at_zero_and_is_not_clamped(long step, double expected) =>
        PeerReference.AssertClose(expected, new HfCosineWithWarmup(10, 100).Lambda(step));

    [Theory]
    [InlineData(0, 0.1)]      // (0 + 1)/10: non-zero at step 0
    [InlineData(9, 1.0)]      // peak one step early
    [InlineData(10, 0.9996954135095479)]
    public void Cosine_warmup_with_min_lr_indexes_one_step_ahead(long step, double expected) =>
        PeerReference.AssertClose(expected, new HfCosineWarmupWithMinLr(10, 100, MinLrRate: 0.0).Lambda(step));

    [Fact]
    public void Linear_is_zero_from_the_end_on_and_negative_steps_count_as_zero()
    {
        var set = new HfLinearWithWarmup(10, 100).Bind([1.0]);
        Assert.Equal(0.0, set.LrAt(0, 100));
        Assert.Equal(0.0, set.LrAt(0, 1_000_000_000_000));
        Assert.Equal(0.0, set.LrAt(0, -5));
    }
}
