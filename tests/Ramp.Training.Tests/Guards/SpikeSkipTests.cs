using Ramp.Training.Guards;

namespace Ramp.Training.Tests.Guards;

public class SpikeSkipTests
{
    private static SpikeSkip Warmed(int n = 10)
    {
        var s = new SpikeSkip(new SpikeSkipOptions(Window: 16, Sigmas: 6, MinCount: 8));
        for (var i = 0; i < n; i++) Assert.Null(s.Decide(2 + 0.01 * (i % 3), 1 + 0.01 * (i % 2)));
        return s;
    }

    [Fact]
    public void Non_finite_values_are_skipped_and_do_not_poison_the_window()
    {
        var s = Warmed();
        Assert.Contains("loss is NaN", s.Decide(double.NaN, 1));
        Assert.Contains("gradient norm is Infinity", s.Decide(2, double.PositiveInfinity));
        Assert.Null(s.Decide(2.01, 1.01));
        Assert.True(double.IsFinite(s.Losses.StandardDeviation));
    }

    [Fact]
    public void A_six_sigma_loss_spike_is_skipped_but_not_before_min_count()
    {
        var early = Warmed(4);
        Assert.Null(early.Decide(50, 1));
        var s = Warmed();
        Assert.Contains("loss 50", s.Decide(50, 1));
        Assert.Contains("gradient norm 40", s.Decide(2, 40));
    }
}
