using CsCheck;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Native;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Tests.Native;

public class NativeTextTests
{
    [Fact]
    public void The_common_case_is_short()
    {
        var schedule = NativeText.ParseSchedule("warmup(100) >> cosine(900, floor=0.1)");
        Assert.Equal(new Join(new Schedule[] { new LinearWarmup(100), new CosineDecay(900, 0.1) }, new long[] { 100 }), schedule);
        Assert.Equal("warmup(100) >> cosine(900, floor=0.1)", schedule.ToString());
    }

    public static TheoryData<string, string> Canonical => new()
    {
        { "join(warmup(100), cosine(900), at=[100])", "warmup(100) >> cosine(900)" },
        { "join(step(30), constant(0.5), at=[60])", "join(step(30), constant(0.5), at=[60])" },
        { "join(warmup(10), linear(5))", "warmup(10) >> linear(5)" },
        { "cosine(1000)*warmup(100)", "cosine(1000) * warmup(100)" },
        { "0.5 * cosine(10) * warmup(2)", "0.5 * cosine(10) * warmup(2)" },
        { "(warmup(10) >> cosine(10)) >> constant()", "(warmup(10) >> cosine(10)) >> constant()" },
        { "warmup(ratio=0.05, total=1000) >> cosine(950)", "warmup(50) >> cosine(950)" },
        { "exp_decay(steps=100, rate=0.5, staircase=true)", "exp_decay(100, 0.5, staircase=true)" },
        { "multistep([30, 60,], gamma=1e-1)", "multistep([30, 60])" },
        { "piecewise([1, 0.1], at=[1e3])", "piecewise([1, 0.1], at=[1000])" },
        { "wsd(800, 100, shape=sqrt)", "wsd(800, 100, shape=sqrt)" },
        { "cyclic(10, mode=exp_range, gamma=0.99)", "cyclic(10, mode=exp_range, gamma=0.99)" },
        { "per_epoch(390, step(30))", "per_epoch(390, step(30))" },
        { "momentum(onecycle(100))", "momentum(onecycle(100))" },
        { "constant(1e-5)", "constant(1E-05)" },
        { "adam_warmup()", "adam_warmup()" },
    };

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Text_prints_back_in_canonical_form(string text, string printed) =>
        Assert.Equal(printed, NativeText.ParseSchedule(text).ToString());

    [Fact]
    public void Print_then_parse_gives_an_equal_schedule() =>
        ScheduleGens.Nested(3).Sample(schedule =>
        {
            var text = NativeText.Print(schedule);
            var parsed = NativeText.ParseSchedule(text);
            return parsed.Equals(schedule) && parsed.ToString() == text;
        }, iter: 3000);

    [Fact]
    public void Specs_round_trip_too()
    {
        var spec = NativeText.ParseSpec("per_group(warmup(10) >> cosine(90), scale=[1, 0.5], base=[0.1, 0.2])");
        var group = Assert.IsType<GroupSpec>(spec);
        Assert.Equal(new[] { 1, 0.5 }, group.Scale);
        Assert.Equal(spec, NativeText.ParseSpec(spec.ToString()!));
        Assert.IsType<FactorSpec>(NativeText.ParseSpec("cosine(100)"));
        var cycling = Assert.IsType<GroupSpec>(NativeText.ParseSpec("onecycle(100)"));
        Assert.NotNull(cycling.Bind([0.1, 0.2]).Momentum);
    }

    [Fact]
    public void Schedule_text_routes_native_text_here() =>
        Assert.Equal(new FactorSpec(new CosineDecay(100)), ScheduleText.Parse("cosine(100)"));

    [Fact]
    public void Steps_near_the_long_limit_parse_exactly() =>
        Assert.Equal(new CosineDecay(9_223_372_036_854_775_807), NativeText.ParseSchedule("cosine(9223372036854775807)"));

    public static TheoryData<string, int, string> Errors => new()
    {
        { "cosin(100)", 0, "at column 1: unknown schedule 'cosin' (did you mean 'cosine'" },
        { "warmup(10) >> CosineAnnealingLR(T_max=90)", 14,
            "at column 15: 'CosineAnnealingLR' is a torch scheduler: a peer's call must be the whole spec" },
        { "cosine(100, flor=0.1)", 12, "at column 13: cosine has no parameter 'flor' (did you mean 'floor'?)" },
        { "cosine(0)", 0, "at column 1: cosine: steps must be at least 1 but was 0" },
        { "cosine(100, floor=2)", 0, "at column 1: cosine: floor must be in [0, 1] but was 2" },
        { "cosine(100", 6, "at column 7: the '(' opened here is never closed: add ')'" },
        { "cosine(2.5)", 7, "at column 8: cosine: 'steps' must be a whole number of steps but was 2.5" },
        { "cosine()", 7, "at column 8: cosine: expected a value for 'steps'" },
        { "step(10) >> cosine(5)", 0, "at column 1: step(10) has no length, so '>>' cannot tell where the next piece starts" },
        { "wsd(1, 2, shape=sqr)", 16, "at column 17: wsd: 'sqr' is not a shape (did you mean 'sqrt'" },
        { "cosine(10) * 2", 13, "at column 14: a number can only come first in a product" },
        { "cosine(10) $", 11, "at column 12: unexpected character '$'" },
        { "0.5", 0, "at column 1: expected a schedule but found number 0.5" },
        { "join(cosine(10), cosine(5), at=[5, 6])", 0,
            "at column 1: join: at must hold one boundary fewer than the pieces (1) but held 2" },
        { "join(cosine(10), cosine(5), at=[5, 5])", 0, "at column 1: join: at must be strictly increasing but at[1] = 5 follows 5" },
        { "cosine(10) >> per_group(cosine(5))", 14, "at column 15: per_group(...) must be the whole text" },
        { "warmup(ratio=0.1)", 7, "at column 8: warmup: ratio needs total=" },
        { "cosine(10, floor=0.1, floor=0.2)", 22, "at column 23: cosine: 'floor' is given twice" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Errors_name_the_position_and_what_was_expected(string text, int position, string message)
    {
        var e = Assert.Throws<SpecException>(() => NativeText.ParseSpec(text));
        Assert.Equal(position, e.Position);
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Unknown_names_suggest_peer_names_as_well_as_native_ones()
    {
        var e = Assert.Throws<SpecException>(() => NativeText.ParseSchedule("onecycl(100)"));
        Assert.Contains("onecycle", e.Suggestions);
    }

    [Fact]
    public void Every_catalog_name_parses_with_its_required_arguments()
    {
        foreach (var name in NativeText.Names)
        {
            var e = Record.Exception(() => NativeText.ParseSpec($"{name}()"));
            Assert.True(e is null or SpecException, $"{name}: {e}");
        }
    }
}
