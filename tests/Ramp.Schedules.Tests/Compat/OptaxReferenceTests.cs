using Ramp.Schedules.Compat.Optax;
using static Ramp.Schedules.Compat.Optax.OptaxSchedules;

namespace Ramp.Schedules.Tests.Compat;

public class OptaxReferenceTests
{
    private static readonly Dictionary<string, ScheduleSpec> Specs = new()
    {
        ["optax.constant_schedule.0.s0"] = new OptaxConstant(0.3),
        ["optax.constant_schedule.0.s1"] = new OptaxConstant(0.3),
        ["optax.linear_schedule.1.s0"] = Linear(0.0, 1.0, 50),
        ["optax.linear_schedule.1.s1"] = Linear(0.0, 1.0, 50),
        ["optax.cosine_decay_schedule.2.s0"] = new OptaxCosineDecay(1.0, 300),
        ["optax.cosine_decay_schedule.2.s1"] = new OptaxCosineDecay(1.0, 300, 0.1, 2.0),
        ["optax.exponential_decay.3.s0"] = new OptaxExponentialDecay(1.0, 10, 0.5, Staircase: true),
        ["optax.exponential_decay.3.s1"] = new OptaxExponentialDecay(1.0, 10, 0.5, TransitionBegin: 30),
        ["optax.exponential_decay.4.s0"] = new OptaxExponentialDecay(1.0, 20, 0.5, EndValue: 0.05),
        ["optax.exponential_decay.4.s1"] = new OptaxExponentialDecay(1.0, 20, 0.5, EndValue: 0.05),
        ["optax.polynomial_schedule.5.s0"] = new OptaxPolynomial(1.0, 0.01, 0.5, 200),
        ["optax.polynomial_schedule.5.s1"] = new OptaxPolynomial(1.0, 0.01, 2.0, 200),
        ["optax.piecewise_constant_schedule.6.s0"] = new OptaxPiecewiseConstant(1.0, new long[] { 100, 250 }, new[] { 0.1, 0.5 }),
        ["optax.piecewise_constant_schedule.6.s1"] = new OptaxPiecewiseConstant(1.0, new long[] { 100, 250 }, new[] { 0.1, 0.5 }),
        ["optax.piecewise_interpolate_schedule.7.s0"] =
            new OptaxPiecewiseInterpolate(OptaxInterpolation.Cosine, 1.0, new long[] { 40, 200 }, new[] { 2.0, 0.1 }),
        ["optax.piecewise_interpolate_schedule.7.s1"] =
            new OptaxPiecewiseInterpolate(OptaxInterpolation.Cosine, 1.0, new long[] { 40, 200 }, new[] { 2.0, 0.1 }),
        ["optax.warmup_cosine_decay_schedule.8.s0"] = WarmupCosineDecay(0.0, 1.0, 0, 300, 0.01, 2.0),
        ["optax.warmup_cosine_decay_schedule.8.s1"] = WarmupCosineDecay(0.0, 1.0, 10, 300),
        ["optax.warmup_exponential_decay_schedule.9.s0"] = WarmupExponentialDecay(0.0, 1.0, 0, 30, 0.7, staircase: true),
        ["optax.warmup_exponential_decay_schedule.9.s1"] = WarmupExponentialDecay(0.0, 1.0, 10, 30, 0.7, staircase: true, endValue: 0.01),
        ["optax.warmup_constant_schedule.10.s0"] = WarmupConstant(0.001, 1.0, 1),
        ["optax.warmup_constant_schedule.10.s1"] = WarmupConstant(0.001, 1.0, 10),
        ["optax.linear_onecycle_schedule.11.s0"] = LinearOnecycle(300, 1.0),
        ["optax.linear_onecycle_schedule.11.s1"] = LinearOnecycle(300, 1.0),
        ["optax.cosine_onecycle_schedule.12.s0"] = CosineOnecycle(300, 1.0, pctStart: 0.2),
        ["optax.cosine_onecycle_schedule.12.s1"] = CosineOnecycle(300, 1.0, pctStart: 0.2),
        ["optax.join_schedules.s0"] = new OptaxJoin(new[] { Linear(0.0, 1.0, 40), new OptaxCosineDecay(1.0, 100, 0.05) },
            new long[] { 40 }),
        ["optax.join_schedules.s1"] = new OptaxJoin(new[] { Linear(0.0, 1.0, 40), new OptaxCosineDecay(1.0, 200, 0.05) },
            new long[] { 40 }),
        ["optax.sgdr_schedule.s0"] = Sgdr([(0.0, 1.0, 10, 100, 0.0, 1.0), (0.0, 0.5, 10, 150, 0.0, 1.0)]),
        ["optax.sgdr_schedule.s1"] = Sgdr([(0.0, 1.0, 10, 100, 0.0, 1.0), (0.0, 0.5, 10, 150, 0.0, 1.0)]),
    };

    public static TheoryData<string> Ids => PeerReference.Ids("optax");

    [Theory]
    [MemberData(nameof(Ids))]
    public void Record_matches_optax(string id)
    {
        Assert.True(Specs.TryGetValue(id, out var spec), $"no C# spec written for reference case {id}");
        PeerReference.AssertMatches(PeerReference.Case(id), spec);
    }

    [Fact]
    public void Every_optax_reference_case_is_covered() =>
        Assert.Equal(PeerReference.OfPeer("optax").Select(c => c.Id).Order(), Specs.Keys.Order());

    [Fact]
    public void Every_group_gets_the_same_absolute_value()
    {
        var set = new OptaxCosineDecay(2.0, 10).Bind([0.1, 0.01, 5.0]);
        Assert.All(Enumerable.Range(0, 3), g => Assert.Equal(1.0, set.LrAt(g, 5), 12));
    }
}
