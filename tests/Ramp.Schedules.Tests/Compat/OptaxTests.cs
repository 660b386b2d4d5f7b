using CsCheck;
using Ramp.Schedules.Compat.Optax;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Compat;

public class OptaxTests
{
    [Fact]
    public void Join_switches_at_the_boundary_and_rebases_the_count()
    {
        var join = new OptaxJoin(new OptaxSpec[] { new OptaxConstant(1.0), OptaxSchedules.Linear(10, 0, 10) }, new long[] { 5 });
        Assert.Equal(1.0, join.ValueAt(4));
        Assert.Equal(10.0, join.ValueAt(5));
        Assert.Equal(9.0, join.ValueAt(6));
    }

    [Fact]
    public void Join_equals_its_piecewise_definition() =>
        Gen.Select(Gen.Long[1, 100], Gen.Long[0, 400]).Sample((boundary, count) =>
        {
            var first = OptaxSchedules.Linear(0, 1, boundary);
            var second = new OptaxCosineDecay(1, 100, 0.1);
            var join = new OptaxJoin(new OptaxSpec[] { first, second }, new[] { boundary });
            return join.ValueAt(count) == (count < boundary ? first.ValueAt(count) : second.ValueAt(count - boundary));
        });

    [Fact]
    public void Piecewise_constant_applies_the_scale_at_the_boundary()
    {
        var spec = new OptaxPiecewiseConstant(1.0, new long[] { 10 }, new[] { 0.5 });
        Assert.Equal(1.0, spec.ValueAt(9));
        Assert.Equal(0.5, spec.ValueAt(10));
    }

    [Fact]
    public void Onecycle_keys_that_collide_keep_the_later_scale()
    {
        // T = 2: int(0.3·2) = 0 and int(0.85·2) = 1 stay distinct; T = 1 makes int(0.3) = int(0.85) = 0.
        var spec = (OptaxPiecewiseInterpolate)OptaxSchedules.LinearOnecycle(1, 1.0);
        Assert.Equal(new long[] { 0, 1 }, spec.Boundaries.ToArray());
        Assert.Equal(new[] { 1.0 / 25, 1e-4 }, spec.Scales.ToArray());
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(500, 1.0)]
    public void Degenerate_inputs_keep_optaxs_documented_meaning(long count, double expected)
    {
        Assert.Equal(expected, new OptaxPolynomial(1.0, 0.0, 1.0, 0).ValueAt(count));
        Assert.Equal(expected, new OptaxExponentialDecay(1.0, 10, 0.0).ValueAt(count));
        Assert.Equal(expected, new OptaxExponentialDecay(1.0, 0, 0.5).ValueAt(count));
    }

    [Fact]
    public void Negative_count_is_zero_for_interpolation_but_bound_schedules_clamp()
    {
        var spec = new OptaxPiecewiseInterpolate(OptaxInterpolation.Linear, 2.0, new long[] { 10 }, new[] { 0.5 });
        Assert.Equal(0.0, spec.ValueAt(-1));
        Assert.Equal(2.0, spec.Bind([1.0]).LrAt(0, -1));
    }

    [Theory]
    [InlineData("optax.cosine_decay_schedule(1.0, 0)", "decay_steps must be positive")]
    [InlineData("optax.warmup_cosine_decay_schedule(0.0, 1.0, 10, 10)", "must exceed warmup_steps")]
    [InlineData("optax.piecewise_constant_schedule(1.0, {10: -0.5})", "non-negative scale factors")]
    [InlineData("optax.join_schedules([optax.constant_schedule(1.0)], [5])", "1 schedules need 0 boundaries")]
    [InlineData("optax.join_schedules([torch.optim.lr_scheduler.StepLR(optimizer, 5)], [])", "expected an optax schedule")]
    [InlineData("optax.sgdr_schedule([{'init_value': 0.0, 'peak_value': 1.0, 'warmup_steps': 1, 'decay_step': 10}])",
        "has no parameter 'decay_step'")]
    public void Mistakes_are_spec_errors(string text, string message)
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(text));
        Assert.Contains(message, error.Message);
    }
}
