using CsCheck;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Tests.Native;

public class CompositionTests
{
    private const long Huge = 999_999_999_999;

    // warmup(10) >> cosine(90): W - 1 = 9 is the peak, the cosine starts at its own step 0 at W = 10.
    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(1, 0.2)]
    [InlineData(9, 1.0)]
    [InlineData(10, 1.0)]
    [InlineData(11, 0.9996954135095479)]
    [InlineData(99, 0.00030458649045211894)]
    [InlineData(100, 0.0)]
    [InlineData(1_000_100, 0.0)]
    [InlineData(Huge, 0.0)]
    public void Warmup_then_cosine_boundaries(long step, double expected) =>
        Assert.Equal(expected, Presets.WarmupCosine(10, 100).ValueAt(step), 12);

    [Fact]
    public void Optax_join_reference_is_a_join_of_interp_and_cosine()
    {
        var (lr, _, _) = NativeReference.Case("optax.join_schedules.s0");
        var join = new Join(new Schedule[] { new PiecewiseInterpolated(new[] { 0.0, 1 }, new long[] { 0, 40 }), new CosineDecay(100,
            0.05) },
            new long[] { 40 });
        for (var t = 0; t < lr.Length; t++) NativeReference.AssertClose(lr[t][0], join.ValueAt(t), $"join step {t}");
    }

    private static readonly Gen<Schedule> Pieces = Gen.Select(Gen.Long[1, 500], Gen.Int[0, 3], (n, k) => k switch
    {
        0 => (Schedule)new LinearWarmup(n),
        1 => new CosineDecay(n, 0.1),
        2 => new StepDecay(n, 0.5),
        _ => new InverseSqrtDecay(n),
    });

    [Fact]
    public void Join_equals_its_piecewise_definition() =>
        Gen.Select(Pieces.Array[2, 5], Gen.Long[1, 400].Array[4], Gen.Long[-10, 3000]).Sample((pieces, gaps, t) =>
        {
            var boundaries = new long[pieces.Length - 1];
            long at = 0;
            for (var i = 0; i < boundaries.Length; i++) boundaries[i] = at += gaps[i];
            var join = new Join(pieces, boundaries);
            var index = boundaries.Count(b => b <= t);
            var expected = index == 0 ? pieces[0].ValueAt(t) : pieces[index].ValueAt(t - boundaries[index - 1]);
            return join.ValueAt(t) == expected;
        });

    [Fact]
    public void Three_deep_join_places_each_piece_where_the_one_before_ends()
    {
        var deep = Join.Sequence(new LinearWarmup(10), Join.Sequence(new ConstantWarmup(5, 0.5), Join.Sequence(new LinearDecay(20),
            new LinearDecay(5))));
        Assert.Equal(40, ScheduleLength.Of(deep));
        Assert.Equal(1.0, deep.ValueAt(9));
        Assert.Equal(0.5, deep.ValueAt(10));
        Assert.Equal(1.0, deep.ValueAt(15));
        Assert.Equal(0.5, deep.ValueAt(25));
        Assert.Equal(1.0, deep.ValueAt(35));
        Assert.Equal(0.0, deep.ValueAt(Huge));
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(9, 1.0)]
    [InlineData(30, 0.5)]
    [InlineData(Huge, 0.0)]
    public void Warmup_dampens_any_schedule(long step, double expected) =>
        Assert.Equal(expected, Product.Dampen(new StepDecay(30, 0.5), new LinearWarmup(10)).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(389, 1.0)]
    [InlineData(390, 0.5)]
    [InlineData(779, 0.5)]
    [InlineData(780, 0.25)]
    public void Per_epoch_changes_only_at_epoch_boundaries(long step, double expected) =>
        Assert.Equal(expected, new PerEpoch(390, new StepDecay(1, 0.5)).ValueAt(step), 12);

    [Fact]
    public void Group_spec_applies_scales_and_base_rates()
    {
        var scaled = new GroupSpec(new LinearDecay(10), Scale: new[] { 1.0, 0.1 }).Bind([0.2, 0.4]);
        Assert.Equal(0.1, scaled.LrAt(0, 5), 12);
        Assert.Equal(0.02, scaled.LrAt(1, 5), 12);
        Assert.Null(scaled.Momentum);
        var based = new GroupSpec(new LinearDecay(10), Base: new[] { 3.0, 5.0 }).Bind([0.2, 0.4]);
        Assert.Equal(2.5, based.LrAt(1, 5), 12);
    }

    [Fact]
    public void Group_spec_rejects_a_list_of_the_wrong_length()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new GroupSpec(new LinearDecay(10), Scale: new[] { 1.0 }).Bind([0.2, 0.4]));
        Assert.Equal("scale", e.ParamName);
        Assert.StartsWith("per_group: scale must hold one value per parameter group (2) but held 1", e.Message);
    }

    [Fact]
    public void Preset_ratio_warmup_uses_the_ceiling()
    {
        var join = Presets.WarmupRatioCosine(0.05, 1000);
        Assert.Equal(new long[] { 50 }, join.At);
        Assert.Equal(new CosineDecay(950), join.Pieces[1]);
    }
}
