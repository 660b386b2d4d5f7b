using Ramp.Schedules;
using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Training.Tests.Tuning.RangeTest;

public class RangeTestPlanTests
{
    [Fact]
    public void Defaults_are_a_longer_ramp_with_lighter_smoothing_than_fastai()
    {
        // 200 iterations over 7 decades (about 28 per decade) and beta 0.9 (a 10-point window, a third of a decade):
        // fastai's 100 over 8 decades with beta 0.98 averaged over about 50 points, four decades of the ramp.
        var plan = new RangeTestPlan();
        Assert.Equal(1e-6, plan.StartLr);
        Assert.Equal(10, plan.EndLr);
        Assert.Equal(200, plan.Iterations);
        Assert.Equal(0.9, plan.SmoothingBeta);
        Assert.Equal(4, plan.DivergenceFactor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(33)]
    [InlineData(98)]
    [InlineData(99)]
    public void Ramp_is_geometric_from_start_to_end(int i)
    {
        var plan = new RangeTestPlan(1e-7, 10, 100);
        var expected = 1e-7 * Math.Pow(10, 8.0 * i / 99);
        Assert.Equal(expected, plan.LrAt(i), 1e-12 * expected);
        if (i == 0) Assert.Equal(1e-7, plan.LrAt(i));
        if (i == 99) Assert.Equal(10, plan.LrAt(i));
    }

    [Fact]
    public void Ratio_between_neighbours_is_the_growth()
    {
        var plan = new RangeTestPlan(1e-5, 1, 11);
        Assert.Equal(Math.Sqrt(10), plan.GrowthPerIteration, 12);
        for (var i = 1; i < 11; i++) Assert.Equal(plan.GrowthPerIteration, plan.LrAt(i) / plan.LrAt(i - 1), 10);
        Assert.Equal(1e-3, plan.LrAt(4), 15);
    }

    [Fact]
    public void Invalid_values_name_parameter_and_value()
    {
        var e = Assert.Throws<RampArgumentException>(() => new RangeTestPlan(EndLr: 1e-8));
        Assert.Equal("EndLr", e.ParamName);
        Assert.Contains("end lr must be finite and > start lr (1E-06) but was 1E-08", e.Message);
        e = Assert.Throws<RampArgumentException>(() => new RangeTestPlan(Iterations: 1));
        Assert.Equal("Iterations", e.ParamName);
        e = Assert.Throws<RampArgumentException>(() => new RangeTestPlan(StartLr: double.NaN));
        Assert.Equal("StartLr", e.ParamName);
        e = Assert.Throws<RampArgumentException>(() => new RangeTestPlan().LrAt(200));
        Assert.Equal("iteration", e.ParamName);
    }

    [Fact]
    public void Smoother_is_bias_corrected()
    {
        var s = new LossSmoother(0.5).Add(1);
        Assert.Equal(1, s.Value, 15); // the first smoothed value is the first loss
        s = s.Add(3);
        // avg = 0.5*0.5 + 0.5*3 = 1.75; corrected by 1 - 0.25.
        Assert.Equal(1.75 / 0.75, s.Value, 14);
        Assert.True(double.IsNaN(new LossSmoother(0.98).Value));
        var constant = new LossSmoother(0.98);
        for (var i = 0; i < 50; i++) constant = constant.Add(2.5);
        Assert.Equal(2.5, constant.Value, 12);
    }
}
