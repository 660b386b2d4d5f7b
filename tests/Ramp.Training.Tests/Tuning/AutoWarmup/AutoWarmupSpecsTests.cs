using Ramp.Schedules.Composition;
using Ramp.Schedules.Text;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Tests.Tuning.AutoWarmup;

public class AutoWarmupSpecsTests
{
    private static AutoWarmupSpec Parse(string text) => Assert.IsType<AutoWarmupSpec>(ScheduleText.Parse(text));

    [Fact]
    public void Sgd_preset_starts_at_a_tenth_and_grows_by_ten_percent_unless_told_otherwise()
    {
        var o = AutoWarmupSpecs.Options(Parse("auto() >> cosine(100)"), "sgd");
        Assert.Equal((0.1, 1.1, 3e-2, 3e-1), (o.InitialFactor, o.Growth, o.UpdateRatioAmber, o.UpdateRatioRed));
        var given = AutoWarmupSpecs.Options(Parse("auto(initial=0.01, growth=1.05)"), "sgd");
        Assert.Equal((0.01, 1.05, 1e-4), (given.InitialFactor, given.Growth, given.MinFactor));
        Assert.Equal(0.01, AutoWarmupSpecs.Options(Parse("auto(preset=catapult_tolerant)"), "sgd").InitialFactor);
    }

    [Theory]
    [InlineData(0.98, 100)]
    [InlineData(0.99, 200)]
    [InlineData(null, 2000)]
    public void Adam_preset_climbs_over_two_over_one_minus_the_runs_beta2(double? beta2, double steps)
    {
        var o = AutoWarmupSpecs.Options(Parse("auto()"), "adamw", beta2);
        Assert.Equal(0.1, o.InitialFactor);
        Assert.Equal((double.PositiveInfinity, double.PositiveInfinity), (o.UpdateRatioAmber, o.UpdateRatioRed));
        Assert.Equal(steps, Math.Log(1 / o.InitialFactor) / Math.Log(o.Growth), 9);
    }
}
