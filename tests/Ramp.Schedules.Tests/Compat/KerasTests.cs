using Ramp.Schedules.Compat.Keras;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Compat;

/// <summary>Keras has no reference cases: expected values are the documented formulas evaluated by hand.</summary>
public class KerasTests
{
    private static double At(string text, long step) => ScheduleText.Parse(text).Bind([0.123]).LrAt(0, step);

    [Theory]
    [InlineData(false, 5, 0.07071067811865475)]   // 0.1·0.5^0.5
    [InlineData(true, 15, 0.05)]
    [InlineData(false, 0, 0.1)]
    public void ExponentialDecay(bool staircase, long step, double expected) =>
        PeerReference.AssertClose(expected, new KerasExponentialDecay(0.1, 10, 0.5, staircase).ValueAt(step));

    [Theory]
    [InlineData(10, 1.0)]   // the boundary step belongs to the lower piece
    [InlineData(11, 0.5)]
    [InlineData(20, 0.5)]
    [InlineData(21, 0.1)]
    [InlineData(1_000_000_000_000, 0.1)]
    public void PiecewiseConstantDecay_changes_one_step_after_each_boundary(long step, double expected) =>
        Assert.Equal(expected, At("keras.optimizers.schedules.PiecewiseConstantDecay(boundaries=[10, 20], values=[1.0, 0.5, 0.1])", step));

    [Theory]
    [InlineData(false, 5, 0.25)]
    [InlineData(false, 15, 0.0)]
    [InlineData(true, 0, 1.0)]
    [InlineData(true, 10, 0.0)]
    [InlineData(true, 15, 0.0625)]   // D' = 20, (1 − 0.75)²
    [InlineData(true, 20, 0.0)]
    public void PolynomialDecay_with_and_without_cycle(bool cycle, long step, double expected) =>
        PeerReference.AssertClose(expected, new KerasPolynomialDecay(1.0, 10, 0.0, 2.0, cycle).ValueAt(step));

    [Theory]
    [InlineData(false, 5, 0.8)]
    [InlineData(true, 15, 1.0 / 1.5)]
    public void InverseTimeDecay(bool staircase, long step, double expected) =>
        PeerReference.AssertClose(expected, new KerasInverseTimeDecay(1.0, 10, 0.5, staircase).ValueAt(step));

    [Theory]
    [InlineData(50, 0.55)]
    [InlineData(100, 0.1)]
    [InlineData(200, 0.1)]   // clamped
    public void CosineDecay_without_warmup(long step, double expected) =>
        PeerReference.AssertClose(expected, At("tf.keras.optimizers.schedules.CosineDecay(1.0, 100, alpha=0.1)", step));

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(5, 0.5)]
    [InlineData(10, 1.0)]
    [InlineData(60, 0.5)]     // decay_steps excludes the warmup
    [InlineData(110, 0.0)]
    [InlineData(500, 0.0)]
    public void CosineDecay_with_warmup_lasts_warmup_plus_decay(long step, double expected) =>
        PeerReference.AssertClose(expected, new KerasCosineDecay(0.0, 100, WarmupTarget: 1.0, WarmupSteps: 10).ValueAt(step));

    [Theory]
    [InlineData(2.0, 10, 0.5)]    // restart 1 begins: m_mul^1
    [InlineData(2.0, 20, 0.25)]   // halfway through the 20-step second cycle
    [InlineData(2.0, 30, 0.25)]   // restart 2: m_mul^2 · 1
    [InlineData(1.0, 15, 0.25)]   // t_mul = 1: i = 1, f = 0.5, 0.5·0.5·(1 + 0)
    public void CosineDecayRestarts(double tMul, long step, double expected) =>
        PeerReference.AssertClose(expected, new KerasCosineDecayRestarts(1.0, 10, tMul, 0.5).ValueAt(step));

    [Fact]
    public void Every_group_gets_the_same_absolute_value()
    {
        var set = new KerasCosineDecay(1.0, 100, 0.1).Bind([0.5, 0.05]);
        Assert.Equal(set.LrAt(0, 50), set.LrAt(1, 50));
    }

    [Theory]
    [InlineData("keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=0, decay_rate=0.5)", "decay_steps must be > 0")]
    [InlineData("keras.optimizers.schedules.PiecewiseConstantDecay([10], [1.0])", "1 less than the length of values")]
    [InlineData("keras.optimizers.schedules.CosineDecay(0.1, 10, alpah=0.1)", "has no parameter 'alpah'")]
    public void Bad_arguments_are_spec_errors(string text, string message)
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Contains(message, error.Message);
    }
}
