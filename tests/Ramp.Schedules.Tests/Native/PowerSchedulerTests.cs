using CsCheck;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Tests.Native;

/// <summary>
/// The Power scheduler. Expected values come from the paper's piecewise formula written in tokens
/// (n/N_w·P(N_w); P(n); (N - n)/N_decay·P(N - N_decay), with n the tokens seen after the update), evaluated in Python
/// float64 outside Ramp; docs/schedules.md states the same figures.
/// </summary>
public class PowerSchedulerTests
{
    private const long Huge = 1_000_000_000_000;

    private static readonly PowerScheduler Example = new(10, -0.5, Warmup: 50, Decay: 100, Total: 1000);

    [Theory]
    [InlineData(0, 0.02)]                     // step 0: 1/50 of P(50) = min(1, 10/sqrt(50)) = 1
    [InlineData(48, 0.98)]
    [InlineData(49, 1.0)]                     // end of warmup: P(50)
    [InlineData(99, 1.0)]                     // the cap holds up to n = 100
    [InlineData(100, 0.9950371902099892)]     // 10 / sqrt(101)
    [InlineData(898, 0.33351867298253507)]
    [InlineData(899, 0.3333333333333333)]     // last step of the power law: 10 / sqrt(900)
    [InlineData(900, 0.32999999999999996)]    // start of decay: 99/100 of P(900)
    [InlineData(950, 0.16333333333333333)]
    [InlineData(998, 0.003333333333333333)]
    [InlineData(999, 0.0)]                    // the last step, total - 1
    [InlineData(1000, 0.0)]
    [InlineData(Huge, 0.0)]
    [InlineData(-5, 0.02)]
    public void Linear_decay_boundaries(long step, double expected) =>
        Assert.Equal(expected, Example.ValueAt(step), 12);

    [Theory]
    [InlineData(899, 0.3333333333333333)]
    [InlineData(900, 0.32197877630828187)]    // P(900) * 0.5^(1/20)
    [InlineData(950, 0.05691834403143315)]
    [InlineData(999, 0.010416666666666666)]   // P(900) * 0.5^(100/20)
    [InlineData(Huge, 0.010416666666666666)]
    public void Exp_decay_boundaries(long step, double expected) =>
        Assert.Equal(expected, new PowerScheduler(10, -0.5, 50, 100, 1000, 1, DecayShape.Exp, 20).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(8140, 1.0)]                   // 8141 * 4194304 tokens: still under the cap
    [InlineData(8141, 0.9999962728249165)]    // the first step below it (3.41e10 tokens)
    [InlineData(100_000, 0.2782716905322801)]
    public void The_papers_constants_in_tokens(long step, double expected) =>
        Assert.Equal(expected, new PowerScheduler(235520, -0.51, Tokens: 1024 * 4096).ValueAt(step), 12);

    [Fact]
    public void Rises_through_the_warmup_then_never_rises_and_stays_within_zero_and_one() =>
        Gen.Select(Gen.Double[0.1, 1000], Gen.Double[-1.5, 0], Gen.Long[0, 500], Gen.Long[0, 500], Gen.Long[0, 3000],
                Gen.Long[1, 1000], Gen.Long[0, 5000])
            .Sample((a, b, warmup, decay, stable, tokens, t) =>
            {
                var s = new PowerScheduler(a, b, warmup, decay, decay > 0 ? warmup + stable + decay : 0, tokens);
                var v = s.ValueAt(t);
                var next = s.ValueAt(t + 1);
                var inWarmup = t + 1 < warmup;
                return v >= 0 && v <= 1 && (inWarmup ? next >= v - 1e-12 : next <= v + 1e-12);
            });

    [Fact]
    public void A_decay_ends_at_zero_on_the_last_step() =>
        Gen.Select(Gen.Double[0.1, 1000], Gen.Double[-1.5, 0], Gen.Long[0, 500], Gen.Long[1, 500], Gen.Long[0, 3000],
                Gen.OneOfConst(DecayShape.Linear, DecayShape.Cosine, DecayShape.Sqrt, DecayShape.Square))
            .Sample((a, b, warmup, decay, stable, shape) =>
            {
                var total = warmup + stable + decay;
                var s = new PowerScheduler(a, b, warmup, decay, total, Shape: shape);
                return s.ValueAt(total - 1) == 0 && s.ValueAt(total + 5) == 0 && (decay == 1 || s.ValueAt(total - 2) > 0);
            });

    [Fact]
    public void Prints_and_parses_back()
    {
        var parsed = NativeText.ParseSchedule("power(10, -0.5, warmup=50, decay=100, total=1000)");
        Assert.Equal(Example, parsed);
        Assert.Equal("power(10, -0.5, warmup=50, decay=100, total=1000)", parsed.ToString());
        var exp = NativeText.ParseSchedule("power(235520, -0.51, tokens=4194304, decay=10, total=20, shape=exp, half_life=5)");
        Assert.Equal(new PowerScheduler(235520, -0.51, 0, 10, 20, 4194304, DecayShape.Exp, 5), exp);
        Assert.Equal(exp, NativeText.ParseSchedule(exp.ToString()));
    }

    [Fact]
    public void Has_a_length_only_with_a_decay()
    {
        Assert.Equal(1000, ScheduleLength.Of(Example));
        Assert.Null(ScheduleLength.Of(new PowerScheduler(10, -0.5, Warmup: 50)));
    }

    public static TheoryData<Func<object>, string, string> OutOfRange => new()
    {
        { () => new PowerScheduler(0, -0.5), "A", "power: a must be in (0, inf) but was 0" },
        { () => new PowerScheduler(1, 0.5), "B", "power: b must be in (-inf, 0] but was 0.5" },
        { () => new PowerScheduler(1, -0.5, Warmup: -1), "Warmup", "power: warmup must be at least 0 but was -1" },
        { () => new PowerScheduler(1, -0.5, Total: 100), "Total", "power: total is used only by a decay, but decay was 0 and total 100" },
        { () => new PowerScheduler(1, -0.5, Warmup: 50, Decay: 60, Total: 100), "Total",
            "power: total must be at least warmup + decay = 110 but was 100" },
        { () => new PowerScheduler(1, -0.5, Tokens: 0), "Tokens", "power: tokens must be at least 1 but was 0" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Out_of_range_parameters_are_rejected_at_construction(Func<object> build, string parameter, string message)
    {
        var e = Assert.Throws<ScheduleArgumentException>(build);
        Assert.Equal(parameter, e.ParamName);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_parse_error_names_the_call()
    {
        var e = Assert.Throws<SpecException>(() => NativeText.ParseSpec("power(10, -0.5, decay=10)"));
        Assert.Equal(0, e.Position);
        Assert.Contains("power: total must be at least warmup + decay = 10 but was 0", e.Message, StringComparison.Ordinal);
    }
}
