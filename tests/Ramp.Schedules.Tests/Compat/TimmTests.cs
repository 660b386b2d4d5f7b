using CsCheck;
using Ramp.Schedules.Compat.Timm;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Compat;

public class TimmTests
{
    [Fact]
    public void Cosine_warmup_without_prefix_never_reaches_the_base()
    {
        var spec = new TimmCosine(100, WarmupT: 10);
        PeerReference.AssertClose(0.9, spec.LrAt(1.0, 9));
        PeerReference.AssertClose(0.5 * (1 + Math.Cos(Math.PI * 10 / 100)), spec.LrAt(1.0, 10));
    }

    [Fact]
    public void Cosine_warmup_with_prefix_reaches_the_base_and_shifts_the_cycle()
    {
        var spec = new TimmCosine(100, WarmupT: 10, WarmupPrefix: true);
        Assert.Equal(1.0, spec.LrAt(1.0, 10));
        PeerReference.AssertClose(0.5, spec.LrAt(1.0, 60));
        Assert.Equal(0.0, spec.LrAt(1.0, 110));   // one cycle, then held at lr_min
    }

    [Fact]
    public void Tanh_warmup_without_prefix_aims_at_the_tanh_value()
    {
        var spec = new TimmTanh(50, WarmupT: 5, WarmupLrInit: 0.0);
        var target = spec.LrAt(1.0, 5);
        PeerReference.AssertClose(4 * target / 5, spec.LrAt(1.0, 4));
    }

    [Fact]
    public void Shrinking_cycles_past_their_sum_hold_lr_min() =>
        Assert.Equal(0.01, new TimmCosine(10, 0.01, CycleMul: 0.5, CycleLimit: 1000).LrAt(1.0, 25));

    [Theory]
    [InlineData(29, 0.1)]   // decay_t=[30]: already decayed one step early
    [InlineData(28, 1.0)]
    public void MultiStep_decays_one_step_before_each_milestone(long t, double expected) =>
        PeerReference.AssertClose(expected, new TimmMultiStep(new long[] { 30 }, 0.1).LrAt(1.0, t));

    [Fact]
    public void Step_with_prefix_shifts_the_decays() =>
        Assert.Equal(0.5, new TimmStep(10, 0.5, WarmupT: 5).LrAt(1.0, 15));

    [Fact]
    public void Noise_is_deterministic_bounded_and_only_inside_its_range()
    {
        var clean = new TimmStep(1000);
        var noisy = new TimmStep(1000, Noise: new TimmNoise(new[] { 10.0, 20.0 }, 0.2, Seed: 7));
        Assert.Equal(clean.LrAt(1.0, 9), noisy.LrAt(1.0, 9));
        Assert.Equal(clean.LrAt(1.0, 20), noisy.LrAt(1.0, 20));
        var inside = Enumerable.Range(10, 10).Select(t => noisy.LrAt(1.0, t)).ToArray();
        Assert.All(inside, v => Assert.InRange(v, 0.8, 1.2));
        Assert.Contains(inside, v => v != 1.0);
        Assert.Equal(inside, Enumerable.Range(10, 10).Select(t => noisy.LrAt(1.0, t)));
        var otherSeed = new TimmStep(1000, Noise: new TimmNoise(new[] { 10.0, 20.0 }, 0.2, Seed: 8));
        Assert.NotEqual(inside, Enumerable.Range(10, 10).Select(t => otherSeed.LrAt(1.0, t)));
    }

    [Fact]
    public void Uniform_noise_stays_within_pct() =>
        Gen.Long[0, 1_000_000].Sample(t =>
        {
            var n = new TimmNoise(new[] { 0.0 }, 0.3, TimmNoiseType.Uniform).Draw(t);
            return n > -0.3 && n < 0.3;
        });

    [Fact]
    public void Cosine_stays_between_lr_min_and_the_base() =>
        Gen.Select(Gen.Long[1, 500], Gen.Long[0, 50], Gen.Double[0, 0.01], Gen.Long[0, 5000]).Sample((tInitial, warmup, lrMin, t) =>
        {
            var lr = new TimmCosine(tInitial, lrMin, WarmupT: warmup, WarmupLrInit: lrMin).LrAt(0.1, t);
            return lr >= lrMin - 1e-15 && lr <= 0.1 + 1e-15;
        });

    [Theory]
    [InlineData("timm.scheduler.cosine_lr.CosineLRScheduler(optimizer, t_initial=0)", "t_initial must be > 0")]
    [InlineData("timm.scheduler.TanhLRScheduler(optimizer, 10, lb=3, ub=1)", "lb must be < ub")]
    [InlineData("timm.scheduler.MultiStepLRScheduler(optimizer, [30, 10])", "decay_t must be in ascending order")]
    [InlineData("timm.scheduler.StepLRScheduler(optimizer, 10, noise_range_t=[1, 2, 3])", "one step or a pair")]
    [InlineData("timm.scheduler.step_lr.CosineLRScheduler(optimizer, 10)", "is not in module")]
    public void Mistakes_are_spec_errors(string text, string message)
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Noise_arguments_parse()
    {
        var spec = ScheduleText.Parse("timm.scheduler.CosineLRScheduler(optimizer, t_initial=10, noise_range_t=(2, 8), noise_pct=0.1, noise_seed=3, noise_std=2.0)");
        Assert.Equal(new TimmCosine(10, Noise: new TimmNoise(new[] { 2.0, 8.0 }, 0.1, Seed: 3)), spec);
    }
}
