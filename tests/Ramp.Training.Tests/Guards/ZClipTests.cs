using Ramp.Schedules;
using Ramp.Training.Guards;

namespace Ramp.Training.Tests.Guards;

public class ZClipTests
{
    [Fact]
    public void Nothing_is_clipped_during_warmup()
    {
        var z = new ZClip(new ZClipOptions(Warmup: 5));
        for (var i = 0; i < 5; i++) Assert.Null(z.Decide(i == 2 ? 1000 : 1, out _));
    }

    [Fact]
    public void A_spike_is_clipped_to_the_adaptive_threshold_and_the_clipped_norm_is_observed()
    {
        var z = new ZClip(new ZClipOptions(Alpha: 0.97, ZThreshold: 2.5, Warmup: 4));
        foreach (var g in new[] { 1.0, 2, 1, 2 }) z.Decide(g, out _);
        var before = z.Moments; // mean 1.5, variance 0.25
        var target = z.Decide(10, out var score);
        var zScore = (10 - 1.5) / 0.5;
        Assert.Equal(zScore, score, 12);
        Assert.NotNull(target);
        Assert.Equal(1.5 + 2.5 * 0.5 / (zScore / 2.5), target!.Value, 12);
        Assert.Equal(before.Observe(target.Value), z.Moments);
    }

    [Fact]
    public void Normal_norms_pass_and_non_finite_ones_are_neither_clipped_nor_observed()
    {
        var z = new ZClip(new ZClipOptions(Warmup: 2));
        z.Decide(1, out _); z.Decide(2, out _);
        Assert.Null(z.Decide(1.6, out _));
        var m = z.Moments;
        Assert.Null(z.Decide(double.NaN, out _));
        Assert.Equal(m, z.Moments);
    }

    [Fact]
    public void Bad_options_name_the_parameter()
    {
        var e = Assert.Throws<RampArgumentException>(() => new ZClip(new ZClipOptions(ZThreshold: -1)));
        Assert.Equal("ZThreshold", e.ParamName);
        Assert.Contains("zclip", e.Message);
    }
}
