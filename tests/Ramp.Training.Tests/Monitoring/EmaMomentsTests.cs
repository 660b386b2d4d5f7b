using Ramp.Schedules;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Tests.Monitoring;

public class EmaMomentsTests
{
    [Fact]
    public void Warmup_averages_plainly_then_the_ema_takes_over()
    {
        var m = EmaMoments.Start(0.5, 2).Observe(1).Observe(3);
        Assert.True(m.Ready);
        Assert.Equal(2.0, m.Mean, 12);
        Assert.Equal(1.0, m.Variance, 12);
        m = m.Observe(4);
        Assert.Equal(3.0, m.Mean, 12);
        Assert.Equal(0.5 * 1 + 0.5 * 1, m.Variance, 12);
    }

    [Fact]
    public void Non_finite_values_leave_the_estimate_unchanged()
    {
        var m = EmaMoments.Start(0.97, 3).Observe(1).Observe(2).Observe(3);
        Assert.Equal(m, m.Observe(double.NaN).Observe(double.NegativeInfinity));
    }

    [Fact]
    public void Z_score_is_nan_before_warmup()
    {
        var m = EmaMoments.Start(0.9, 5).Observe(1);
        Assert.False(m.Ready);
        Assert.True(double.IsNaN(m.ZScore(10)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Alpha_outside_the_open_unit_interval_is_rejected(double alpha)
    {
        var e = Assert.Throws<RampArgumentException>(() => EmaMoments.Start(alpha, 1));
        Assert.Equal("alpha", e.ParamName);
    }
}
