using CsCheck;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Tests.Native;

public class WarmupTests
{
    private const long Huge = 999_999_999_999;

    // W = 10: step 0 is already 1/W (no wasted step), the peak is first used at W - 1.
    [Theory]
    [InlineData(-5, 0.1)]
    [InlineData(0, 0.1)]
    [InlineData(1, 0.2)]
    [InlineData(8, 0.9)]
    [InlineData(9, 1.0)]
    [InlineData(10, 1.0)]
    [InlineData(11, 1.0)]
    [InlineData(1_000_010, 1.0)]
    [InlineData(Huge, 1.0)]
    public void Linear_warmup_boundaries(long step, double expected) =>
        Assert.Equal(expected, new LinearWarmup(10).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 0.55)]
    [InlineData(4, 0.75)]
    [InlineData(9, 1.0)]
    public void Linear_warmup_from_start(long step, double expected) =>
        Assert.Equal(expected, new LinearWarmup(10, Start: 0.5).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 0.024471741852423234)] // (1 - cos(0.1 pi)) / 2
    [InlineData(4, 0.5)]
    [InlineData(8, 0.9755282581475768)]
    [InlineData(9, 1.0)]
    [InlineData(10, 1.0)]
    [InlineData(Huge, 1.0)]
    public void Cosine_warmup_boundaries(long step, double expected) =>
        Assert.Equal(expected, new CosineWarmup(10).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 0.28906482631788782)] // ln 2 / ln 11
    [InlineData(1, 0.45815690999132624)] // ln 3 / ln 11
    [InlineData(8, 0.9602525677891275)] // ln 10 / ln 11
    [InlineData(9, 1.0)]
    [InlineData(10, 1.0)]
    [InlineData(Huge, 1.0)]
    public void Log_warmup_boundaries(long step, double expected) =>
        Assert.Equal(expected, new LogWarmup(10).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 0.095162581964040482)] // 1 - exp(-0.1)
    [InlineData(9, 0.63212055882855767)] // 1 - exp(-1)
    [InlineData(99, 0.99995460007023751)] // 1 - exp(-10)
    [InlineData(Huge, 1.0)]
    public void Exponential_warmup_boundaries(long step, double expected) =>
        Assert.Equal(expected, new ExponentialWarmup(10).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 0.25)]
    [InlineData(9, 0.25)]
    [InlineData(10, 1.0)]
    [InlineData(Huge, 1.0)]
    public void Constant_warmup_boundaries(long step, double expected) =>
        Assert.Equal(expected, new ConstantWarmup(10, Factor: 0.25).ValueAt(step), 12);

    [Theory]
    [InlineData("paper.untuned_linear.0.999.s0", 0.999)]
    [InlineData("paper.untuned_linear.0.98.s0", 0.98)]
    [InlineData("paper.untuned_linear.0.99.s0", 0.99)]
    public void Adam_linear_warmup_matches_reference(string id, double beta2)
    {
        var (lr, _, baseLrs) = NativeReference.Case(id);
        var warmup = new AdamLinearWarmup(beta2);
        for (var t = 0; t < lr.Length; t++) NativeReference.AssertClose(lr[t][0], baseLrs[0] * warmup.ValueAt(t), $"{id} step {t}");
    }

    [Theory]
    [InlineData("paper.untuned_exponential.0.999.s0", 0.999)]
    [InlineData("paper.untuned_exponential.0.98.s0", 0.98)]
    [InlineData("paper.untuned_exponential.0.99.s0", 0.99)]
    public void Adam_exponential_warmup_matches_reference(string id, double beta2)
    {
        var (lr, _, baseLrs) = NativeReference.Case(id);
        var warmup = new AdamExponentialWarmup(beta2);
        for (var t = 0; t < lr.Length; t++) NativeReference.AssertClose(lr[t][0], baseLrs[0] * warmup.ValueAt(t), $"{id} step {t}");
    }

    [Theory]
    [InlineData(0.999, 2000)]
    [InlineData(0.98, 100)]
    public void Adam_linear_warmup_length_is_two_over_one_minus_beta2(double beta2, long steps)
    {
        var warmup = new AdamLinearWarmup(beta2);
        Assert.Equal(steps, warmup.Steps);
        Assert.Equal(1.0, warmup.ValueAt(steps - 1), 12);
        Assert.True(warmup.ValueAt(steps - 2) < 1.0);
    }

    [Theory]
    [InlineData(0.1, 1000, 100)]
    [InlineData(0.07, 100, 7)]
    [InlineData(0.001, 10, 1)]
    [InlineData(0.333, 10, 4)]
    public void Warmup_ratio_is_ceiling_of_ratio_times_total(double ratio, long total, long expected) =>
        Assert.Equal(expected, WarmupRatio.Steps(ratio, total));

    public static readonly Gen<Schedule> Warmups =
        Gen.Select(Gen.Long[1, 5000], Gen.Double[0, 1], Gen.Int[0, 5], (w, s, k) => k switch
        {
            0 => (Schedule)new LinearWarmup(w, s),
            1 => new CosineWarmup(w, s),
            2 => new LogWarmup(w, s),
            3 => new ExponentialWarmup(w, s),
            4 => new ConstantWarmup(w, s),
            _ => new AdamLinearWarmup(0.5 + s * 0.49),
        });

    [Fact]
    public void Every_warmup_rises_monotonically_and_stays_within_start_and_one() =>
        Gen.Select(Warmups, Gen.Long[0, 20_000]).Sample((warmup, t) =>
        {
            var now = warmup.ValueAt(t);
            var next = warmup.ValueAt(t + 1);
            return next >= now && now >= 0 && now <= 1 && (warmup is ConstantWarmup || warmup.ValueAt(0) > 0);
        });
}
