using Ramp.Schedules.Composition;
using Ramp.Schedules.Text;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Tests.Tuning.AutoWarmup;

public class AutoWarmupSpecsTests
{
    private static AutoWarmupSpec Parse(string text) => Assert.IsType<AutoWarmupSpec>(ScheduleText.Parse(text));

    [Fact]
    public void Sgd_preset_starts_at_a_tenth_and_grows_by_nine_percent_unless_told_otherwise()
    {
        var o = AutoWarmupSpecs.Options(Parse("auto() >> cosine(100)"), "sgd");
        Assert.Equal((0.1, 1.09, 3e-2, 3e-1), (o.InitialFactor, o.Growth, o.UpdateRatioAmber, o.UpdateRatioRed));
        var given = AutoWarmupSpecs.Options(Parse("auto(initial=0.01, growth=1.05)"), "sgd");
        Assert.Equal((0.01, 1.05, 1e-4), (given.InitialFactor, given.Growth, given.MinFactor));
        Assert.Equal(0.01, AutoWarmupSpecs.Options(Parse("auto(preset=catapult_tolerant)"), "sgd").InitialFactor);
    }

    [Theory]
    [InlineData("adamw")]
    [InlineData("adam")]
    public void Adam_preset_is_a_25_step_climb_without_the_update_ratio_gate(string optimizer)
    {
        var o = AutoWarmupSpecs.Options(Parse("auto()"), optimizer);
        Assert.Equal((0.1, 1.1), (o.InitialFactor, o.Growth));
        Assert.Equal((double.PositiveInfinity, double.PositiveInfinity), (o.UpdateRatioAmber, o.UpdateRatioRed));
        var given = AutoWarmupSpecs.Options(Parse("auto(ratio_amber=0.05, ratio_red=0.25)"), optimizer);
        Assert.Equal((0.05, 0.25), (given.UpdateRatioAmber, given.UpdateRatioRed));
    }
}
