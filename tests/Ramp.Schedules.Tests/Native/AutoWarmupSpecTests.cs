using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Native;

public class AutoWarmupSpecTests
{
    [Fact]
    public void Then_and_the_chain_form_parse_to_the_same_spec()
    {
        var named = ScheduleText.Parse("auto(target=1, then=cosine(900, floor=0.1))");
        var chained = ScheduleText.Parse("auto() >> cosine(900, floor=0.1)");
        var expected = new AutoWarmupSpec(Then: new CosineDecay(900, 0.1));
        Assert.Equal(expected, named);
        Assert.Equal(expected, chained);
        Assert.Equal("auto(then=cosine(900, floor=0.1))", named.ToString());
    }

    [Fact]
    public void Parameters_map_by_name_and_print_back()
    {
        var spec = Assert.IsType<AutoWarmupSpec>(ScheduleText.Parse("auto(0.5, preset=catapult_tolerant, growth=1.1, cooldown=3, max_steps=400) >> linear(600)"));
        Assert.Equal((0.5, AutoWarmupPreset.CatapultTolerant, 1.1, 3L, 400L), (spec.Target, spec.Preset, spec.Growth!.Value,
            spec.Cooldown!.Value, spec.MaxSteps!.Value));
        Assert.Null(spec.ZRed);
        Assert.Equal(spec, ScheduleText.Parse(spec.ToString()));
    }

    [Fact]
    public void The_clock_defaults_to_the_run_and_after_warmup_round_trips()
    {
        Assert.Equal(AutoWarmupClock.Run, Assert.IsType<AutoWarmupSpec>(ScheduleText.Parse("auto() >> cosine(100)")).Clock);
        var after = Assert.IsType<AutoWarmupSpec>(ScheduleText.Parse("auto(clock=after_warmup) >> cosine(100)"));
        Assert.Equal(new AutoWarmupSpec(Then: new CosineDecay(100), Clock: AutoWarmupClock.AfterWarmup), after);
        Assert.Equal("auto(then=cosine(100), clock=after_warmup)", after.ToString());
        Assert.Equal(after, ScheduleText.Parse(after.ToString()));
        Assert.Equal(new AutoWarmupSpec(Then: new CosineDecay(100)), ScheduleText.Parse("auto(clock=run) >> cosine(100)"));
    }

    [Fact]
    public void A_clock_outside_the_enum_is_refused_at_construction()
    {
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new AutoWarmupSpec(Clock: (AutoWarmupClock)7));
        Assert.Equal("Clock", e.ParamName);
        Assert.StartsWith("auto: clock must be run or after_warmup but was 7", e.Message);
    }

    [Fact]
    public void Bind_gives_the_post_warmup_schedule_times_the_target()
    {
        var set = ScheduleText.Parse("auto(target=0.5) >> linear(10)").Bind([0.2]);
        Assert.Equal(0.1, set.LrAt(0, 0), 12);
        Assert.Equal(0.05, set.LrAt(0, 5), 12);
        Assert.Equal(0.2, ScheduleText.Parse("auto()").Bind([0.2]).LrAt(0, 1000), 12);
    }

    [Theory]
    [InlineData("auto(then=constant()) >> cosine(10)", "already has then=")]
    [InlineData("warmup(10) >> auto()", "must begin the whole text")]
    [InlineData("auto(target=0)", "auto: target must be in (0, inf) but was 0")]
    [InlineData("auto(preset=adamw)", "'adamw' is not a preset")]
    [InlineData("auto(grwth=1.1)", "auto has no parameter 'grwth'")]
    [InlineData("auto(clock=after)", "'after' is not a clock (did you mean 'after_warmup'?)")]
    [InlineData("auto(clock=2)", "auto: expected one of run, after_warmup for 'clock' but found")]
    public void Mistakes_are_named(string text, string message)
    {
        var e = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Contains(message, e.Message);
    }
}
