using CsCheck;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Native;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Tests.Native;

/// <summary>
/// Warmup-stable-decay with every decay shape: <c>warmup(10) &gt;&gt; wsd(20, 40, shape=..., floor=0.1)</c>, so the
/// warmup ends at step 9, the stable phase runs 10-29, the decay 30-69 and the floor (or exp's end) holds from 70.
/// Expected values were computed outside Ramp, in Python float64, from the formulas of docs/schedules.md.
/// </summary>
public class WsdShapesTests
{
    private const long Huge = 1_000_000_000_000;

    private static Schedule Joined(DecayShape shape) =>
        Join.Sequence(new LinearWarmup(10), new WarmupStableDecay(20, 40, shape, 0.1, shape == DecayShape.Exp ? 10 : null));

    public static TheoryData<DecayShape, long, double> Boundaries => new()
    {
        // step 0, end of warmup, first stable step, last stable step, start of decay: the same for every shape
        { DecayShape.Square, 0, 0.1 }, { DecayShape.Square, 9, 1.0 }, { DecayShape.Square, 10, 1.0 },
        { DecayShape.Square, 29, 1.0 }, { DecayShape.Square, 30, 1.0 },
        { DecayShape.Exp, 0, 0.1 }, { DecayShape.Exp, 9, 1.0 }, { DecayShape.Exp, 29, 1.0 }, { DecayShape.Exp, 30, 1.0 },
        // one step into the decay, half way, the last decay step, the end and far beyond
        { DecayShape.Linear, 31, 0.9774999999999999 }, { DecayShape.Linear, 50, 0.55 },
        { DecayShape.Linear, 69, 0.12250000000000003 }, { DecayShape.Linear, 70, 0.1 }, { DecayShape.Linear, Huge, 0.1 },
        { DecayShape.Cosine, 31, 0.9986128001799076 }, { DecayShape.Cosine, 50, 0.55 },
        { DecayShape.Cosine, 69, 0.10138719982009242 }, { DecayShape.Cosine, 70, 0.1 },
        { DecayShape.Sqrt, 31, 0.857697505292423 }, { DecayShape.Sqrt, 50, 0.36360389693210715 },
        { DecayShape.Sqrt, 69, 0.11132120538408258 }, { DecayShape.Sqrt, 70, 0.1 },
        { DecayShape.Square, 31, 0.9994375 }, { DecayShape.Square, 50, 0.775 },
        { DecayShape.Square, 69, 0.14443750000000005 }, { DecayShape.Square, 70, 0.1 }, { DecayShape.Square, Huge, 0.1 },
        // exp halves every 10 steps: 0.5^(1/10), 0.5^2, 0.5^(39/10), and ends at 0.5^4 above the floor
        { DecayShape.Exp, 31, 0.9397296923831266 }, { DecayShape.Exp, 50, 0.325 },
        { DecayShape.Exp, 69, 0.1602872572676665 }, { DecayShape.Exp, 70, 0.15625 }, { DecayShape.Exp, Huge, 0.15625 },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Every_shape_hits_its_boundary_values(DecayShape shape, long step, double expected) =>
        Assert.Equal(expected, Joined(shape).ValueAt(step), 12);

    [Fact]
    public void Every_shape_stays_within_floor_and_one_and_never_rises() =>
        Gen.Select(Gen.Long[0, 5000], Gen.Long[1, 5000], Gen.Enum<DecayShape>(), Gen.Double[0, 1], Gen.Long[1, 5000], Gen.Long[0, 12_000])
            .Sample((stable, decay, shape, floor, halfLife, t) =>
            {
                var s = new WarmupStableDecay(stable, decay, shape, floor, shape == DecayShape.Exp ? halfLife : null);
                var v = s.ValueAt(t);
                return v >= floor - 1e-12 && v <= 1 + 1e-12 && s.ValueAt(t + 1) <= v + 1e-12;
            });

    [Fact]
    public void The_shapes_that_end_reach_the_floor_exactly_when_the_decay_ends() =>
        Gen.Select(Gen.Long[0, 5000], Gen.Long[1, 5000], Gen.Double[0, 1],
                Gen.OneOfConst(DecayShape.Linear, DecayShape.Cosine, DecayShape.Sqrt, DecayShape.Square))
            .Sample((stable, decay, floor, shape) =>
            {
                var s = new WarmupStableDecay(stable, decay, shape, floor);
                return s.ValueAt(stable + decay) == floor && s.ValueAt(stable) == 1.0 && s.ValueAt(stable + decay - 1) > floor - 1e-15;
            });

    [Fact]
    public void Exp_halves_every_half_life_and_ends_where_its_formula_says() =>
        Gen.Select(Gen.Long[0, 1000], Gen.Long[2, 5000], Gen.Long[1, 1000]).Sample((stable, decay, halfLife) =>
        {
            var s = new WarmupStableDecay(stable, decay, DecayShape.Exp, 0, halfLife);
            var halved = Math.Min(decay, halfLife);
            var expected = Math.Pow(0.5, (double)halved / halfLife);
            return Math.Abs(s.ValueAt(stable + halved) - expected) < 1e-12
                && Math.Abs(s.ValueAt(stable + decay + 7) - Math.Pow(0.5, (double)decay / halfLife)) < 1e-12;
        });

    [Fact]
    public void The_new_shapes_print_and_parse_back()
    {
        var square = NativeText.ParseSchedule("warmup(100) >> wsd(700, 200, shape=square, floor=0.1)");
        Assert.Equal(Join.Sequence(new LinearWarmup(100), new WarmupStableDecay(700, 200, DecayShape.Square, 0.1)), square);
        Assert.Equal("warmup(100) >> wsd(700, 200, shape=square, floor=0.1)", square.ToString());
        var exp = NativeText.ParseSchedule("wsd(700, 200, shape=exp, half_life=50)");
        Assert.Equal(new WarmupStableDecay(700, 200, DecayShape.Exp, 0, 50), exp);
        Assert.Equal("wsd(700, 200, shape=exp, half_life=50)", exp.ToString());
    }

    [Fact]
    public void Exp_without_a_half_life_is_refused()
    {
        var e = Assert.Throws<ScheduleArgumentException>(() => new WarmupStableDecay(10, 20, DecayShape.Exp));
        Assert.Equal("HalfLife", e.ParamName);
        Assert.Equal("wsd: shape=exp needs half_life=... (the steps in which the rate halves)", e.Message);
    }

    [Fact]
    public void A_half_life_for_another_shape_is_refused()
    {
        var e = Assert.Throws<ScheduleArgumentException>(() => new WarmupStableDecay(10, 20, DecayShape.Cosine, HalfLife: 5));
        Assert.Equal("HalfLife", e.ParamName);
        Assert.Equal("wsd: half_life belongs to shape=exp, but shape was cosine", e.Message);
    }

    [Fact]
    public void A_half_life_below_one_is_refused()
    {
        var e = Assert.Throws<ScheduleArgumentException>(() => new WarmupStableDecay(10, 20, DecayShape.Exp, HalfLife: 0));
        Assert.Equal("HalfLife", e.ParamName);
        Assert.Equal("wsd: half_life must be at least 1 but was 0", e.Message);
    }

    [Fact]
    public void Text_errors_point_at_the_call()
    {
        var e = Assert.Throws<SpecException>(() => NativeText.ParseSpec("warmup(10) >> wsd(10, 20, shape=exp)"));
        Assert.Equal(14, e.Position);
        Assert.Contains("wsd: shape=exp needs half_life=", e.Message, StringComparison.Ordinal);
    }
}
