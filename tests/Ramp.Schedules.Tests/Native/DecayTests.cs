using CsCheck;
using Ramp.Schedules.Decay;

namespace Ramp.Schedules.Tests.Native;

public class DecayTests
{
    private const long Huge = 999_999_999_999;

    // T = 100, floor 0.1: clamped at the floor past T (PyTorch's CosineAnnealingLR would rise again).
    [Theory]
    [InlineData(-1, 1.0)]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.9997779521645792)]
    [InlineData(50, 0.55)]
    [InlineData(99, 0.10022204783542078)]
    [InlineData(100, 0.1)]
    [InlineData(101, 0.1)]
    [InlineData(1_000_100, 0.1)]
    [InlineData(Huge, 0.1)]
    public void Cosine_boundaries(long step, double expected) =>
        Assert.Equal(expected, new CosineDecay(100, Floor: 0.1).ValueAt(step), 12);

    [Fact]
    public void Cosine_exponent_waves_and_k_decay()
    {
        Assert.Equal(0.7285533905932737, new CosineDecay(100, Exponent: 2).ValueAt(25), 12);
        Assert.Equal(0.5, new CosineDecay(100, Waves: 1.5).ValueAt(50), 12);
        Assert.Equal(0.8535533905932737, new CosineDecay(100, K: 2).ValueAt(50), 12);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(50, 0.6)]
    [InlineData(99, 0.208)]
    [InlineData(100, 0.2)]
    [InlineData(1_000_100, 0.2)]
    [InlineData(Huge, 0.2)]
    public void Linear_boundaries(long step, double expected) =>
        Assert.Equal(expected, new LinearDecay(100, End: 0.2).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(50, 0.325)]
    [InlineData(99, 0.10009000000000001)]
    [InlineData(100, 0.1)]
    [InlineData(Huge, 0.1)]
    public void Polynomial_boundaries(long step, double expected) =>
        Assert.Equal(expected, new PolynomialDecay(100, Power: 2, End: 0.1).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(29, 1.0)]
    [InlineData(30, 0.5)]
    [InlineData(31, 0.5)]
    [InlineData(60, 0.25)]
    [InlineData(Huge, 0.0)]
    public void Step_boundaries(long step, double expected) =>
        Assert.Equal(expected, new StepDecay(30, Gamma: 0.5).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(9, 1.0)]
    [InlineData(10, 0.1)]
    [InlineData(19, 0.1)]
    [InlineData(20, 0.001)]
    [InlineData(Huge, 0.001)]
    public void Multistep_counts_repeated_milestones_twice(long step, double expected) =>
        Assert.Equal(expected, new MultiStepDecay(new long[] { 10, 20, 20 }).ValueAt(step), 12);

    [Theory]
    [InlineData(false, 0, null, 0, 1.0)]
    [InlineData(false, 0, null, 1, 0.9930924954370359)]
    [InlineData(false, 0, null, 50, 0.7071067811865476)]
    [InlineData(false, 0, null, 100, 0.5)]
    [InlineData(true, 0, null, 99, 1.0)]
    [InlineData(true, 0, null, 100, 0.5)]
    [InlineData(false, 10, null, 10, 1.0)]
    [InlineData(false, 10, null, 110, 0.5)]
    [InlineData(false, 0, 0.3, 200, 0.3)]
    [InlineData(false, 0, 0.3, Huge, 0.3)]
    public void Exponential_staircase_delay_and_end(bool staircase, long delay, double? end, long step, double expected) =>
        Assert.Equal(expected, new ExponentialDecay(100, 0.5, staircase, delay, end).ValueAt(step), 12);

    [Fact]
    public void Exponential_end_is_a_ceiling_when_rising() =>
        Assert.Equal(4.0, new ExponentialDecay(10, 2.0, End: 4).ValueAt(1000), 12);

    [Theory]
    [InlineData(false, 100, 0.5)]
    [InlineData(false, 50, 0.66666666666666663)]
    [InlineData(true, 99, 1.0)]
    [InlineData(true, 100, 0.5)]
    public void Inverse_time(bool staircase, long step, double expected) =>
        Assert.Equal(expected, new InverseTimeDecay(100, 1.0, staircase).ValueAt(step), 12);

    // Cycles of 10, 20, 40 steps with peaks 1, 0.5, 0.25; held at the floor after 3 cycles (70 steps).
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.9755282581475768)]
    [InlineData(9, 0.024471741852423234)]
    [InlineData(10, 0.5)]
    [InlineData(15, 0.42677669529663687)]
    [InlineData(30, 0.25)]
    [InlineData(69, 0.0003853332833590045)]
    [InlineData(70, 0.0)]
    [InlineData(Huge, 0.0)]
    public void Cosine_restarts_with_multiplier_decay_and_limit(long step, double expected) =>
        Assert.Equal(expected, new CosineRestarts(10, Mult: 2, Decay: 0.5, Cycles: 3).ValueAt(step), 12);

    [Fact]
    public void Cosine_restarts_without_limit_restarts_forever()
    {
        var sgdr = new CosineRestarts(10, Floor: 0.1);
        Assert.Equal(1.0, sgdr.ValueAt(1_000_000_000_000), 12);
        Assert.Equal(sgdr.ValueAt(3), sgdr.ValueAt(999_999_999_993), 12);
        Assert.Equal(1.0, new CosineRestarts(10, Mult: 2).ValueAt(10 * ((1L << 36) - 1)), 12);
    }

    [Theory]
    [InlineData(0, 0.9999991684719723)]
    [InlineData(1, 0.9999989843695605)]
    [InlineData(50, 0.9820137900379085)]
    [InlineData(99, 0.0030184163247084506)]
    [InlineData(100, 0.002472623156634768)]
    [InlineData(Huge, 0.002472623156634768)]
    public void Tanh_boundaries(long step, double expected) =>
        Assert.Equal(expected, new TanhDecay(100).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.9950371902099893)]
    [InlineData(300, 0.5)]
    [InlineData(Huge, 9.9999999995e-06)]
    public void Inverse_sqrt(long step, double expected) =>
        Assert.Equal(expected, new InverseSqrtDecay(100).ValueAt(step), 12);

    [Theory]
    [InlineData(DecayShape.Sqrt, 49, 1.0)]
    [InlineData(DecayShape.Sqrt, 50, 1.0)]
    [InlineData(DecayShape.Sqrt, 51, 0.91)]
    [InlineData(DecayShape.Sqrt, 75, 0.55)]
    [InlineData(DecayShape.Sqrt, 150, 0.1)]
    [InlineData(DecayShape.Linear, 75, 0.775)]
    [InlineData(DecayShape.Cosine, 100, 0.55)]
    [InlineData(DecayShape.Cosine, Huge, 0.1)]
    public void Warmup_stable_decay_shapes(DecayShape shape, long step, double expected) =>
        Assert.Equal(expected, new WarmupStableDecay(50, 100, shape, 0.1).ValueAt(step), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(9, 1.0)]
    [InlineData(10, 0.5)]
    [InlineData(20, 0.25)]
    [InlineData(Huge, 0.25)]
    public void Piecewise_constant_switches_at_the_boundary(long step, double expected) =>
        Assert.Equal(expected, new PiecewiseConstant(new[] { 1, 0.5, 0.25 }, new long[] { 10, 20 }).ValueAt(step), 12);

    [Theory]
    [InlineData(InterpolationKind.Linear, 0, 0.1)]
    [InlineData(InterpolationKind.Linear, 50, 0.55)]
    [InlineData(InterpolationKind.Linear, 100, 1.0)]
    [InlineData(InterpolationKind.Linear, 550, 0.505)]
    [InlineData(InterpolationKind.Cosine, 25, 0.23180194846605362)]
    [InlineData(InterpolationKind.Cosine, 1000, 0.01)]
    [InlineData(InterpolationKind.Cosine, Huge, 0.01)]
    public void Piecewise_interpolated(InterpolationKind kind, long step, double expected) =>
        Assert.Equal(expected, new PiecewiseInterpolated(new[] { 0.1, 1, 0.01 }, new long[] { 0, 100, 1000 }, kind).ValueAt(step), 12);

    [Fact]
    public void Decays_stay_within_floor_and_one() =>
        Gen.Select(Gen.Long[1, 10_000], Gen.Double[0, 1], Gen.Long[0, 30_000], Gen.Int[0, 4]).Sample((steps, floor, t, k) =>
        {
            Schedule s = k switch
            {
                0 => new CosineDecay(steps, floor),
                1 => new LinearDecay(steps, floor),
                2 => new PolynomialDecay(steps, 2, floor),
                3 => new TanhDecay(steps, Floor: floor),
                _ => new WarmupStableDecay(steps / 2, steps, DecayShape.Sqrt, floor),
            };
            var v = s.ValueAt(t);
            return v >= floor - 1e-12 && v <= 1 + 1e-12 && s.ValueAt(t + 1) <= v + 1e-12;
        });
}
