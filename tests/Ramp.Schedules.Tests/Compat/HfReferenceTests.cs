using Ramp.Schedules.Compat.Hf;
using static Ramp.Schedules.Compat.Hf.HfWsdShape;

namespace Ramp.Schedules.Tests.Compat;

public class HfReferenceTests
{
    // The C# equivalent of every hf reference case, written directly against the records.
    private static readonly Dictionary<string, ScheduleSpec> Specs = new()
    {
        ["hf.get_constant_schedule..s0"] = new HfConstant(),
        ["hf.get_constant_schedule..s1"] = new HfConstant(),
        ["hf.get_constant_schedule_with_warmup.0.s0"] = new HfConstantWithWarmup(0),
        ["hf.get_constant_schedule_with_warmup.10.s1"] = new HfConstantWithWarmup(10),
        ["hf.get_linear_schedule_with_warmup.0_500.s0"] = new HfLinearWithWarmup(0, 500),
        ["hf.get_linear_schedule_with_warmup.10_200.s1"] = new HfLinearWithWarmup(10, 200),
        ["hf.get_cosine_schedule_with_warmup.0_500_1.5.s0"] = new HfCosineWithWarmup(0, 500, 1.5),
        ["hf.get_cosine_schedule_with_warmup.10_200_0.5.s1"] = new HfCosineWithWarmup(10, 200),
        ["hf.get_cosine_with_hard_restarts_schedule_with_warmup.0_500_3.s0"] = new HfCosineWithHardRestarts(0, 500, 3),
        ["hf.get_cosine_with_hard_restarts_schedule_with_warmup.10_200_1.s1"] = new HfCosineWithHardRestarts(10, 200),
        ["hf.get_polynomial_decay_schedule_with_warmup.0_500_0.0001_0.5.s0"] = new HfPolynomialDecay(0, 500, 1e-4, 0.5),
        ["hf.get_polynomial_decay_schedule_with_warmup.10_200_1e-07_2.0.s1"] = new HfPolynomialDecay(10, 200, 1e-7, 2.0),
        ["hf.get_inverse_sqrt_schedule.1_50.s0"] = new HfInverseSqrt(1, 50),
        ["hf.get_inverse_sqrt_schedule.10_None.s1"] = new HfInverseSqrt(10),
        ["hf.get_cosine_with_min_lr_schedule_with_warmup.0_500_0.05.s0"] = new HfCosineWithMinLr(0, 500, MinLrRate: 0.05),
        ["hf.get_cosine_with_min_lr_schedule_with_warmup.10_200_0.05.s1"] = new HfCosineWithMinLr(10, 200, MinLrRate: 0.05),
        ["hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate.0_500_0.1_0.01.s0"] =
            new HfCosineWarmupWithMinLr(0, 500, MinLrRate: 0.1, WarmupLrRate: 0.01),
        ["hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate.10_200_0.1_None.s1"] = new HfCosineWarmupWithMinLr(10, 200,
            MinLrRate: 0.1),
        ["hf.get_wsd_schedule.0_150_500_linear_linear_0.0.s0"] = new HfWarmupStableDecay(0, 150, 500, null, Linear, Linear, 0.0),
        ["hf.get_wsd_schedule.0_100_500_cosine_linear_0.1.s0"] = new HfWarmupStableDecay(0, 100, 500, null, Cosine, Linear, 0.1),
        ["hf.get_wsd_schedule.0_150_500_1-sqrt_linear_0.1.s0"] = new HfWarmupStableDecay(0, 150, 500, null, OneMinusSqrt, Linear, 0.1),
        ["hf.get_wsd_schedule.0_100_500_linear_cosine_0.1.s0"] = new HfWarmupStableDecay(0, 100, 500, null, Linear, Cosine, 0.1),
        ["hf.get_wsd_schedule.0_150_500_cosine_cosine_0.1.s0"] = new HfWarmupStableDecay(0, 150, 500, null, Cosine, Cosine, 0.1),
        ["hf.get_wsd_schedule.0_100_500_1-sqrt_cosine_0.0.s0"] = new HfWarmupStableDecay(0, 100, 500, null, OneMinusSqrt, Cosine, 0.0),
        ["hf.get_wsd_schedule.0_150_500_linear_1-sqrt_0.0.s0"] = new HfWarmupStableDecay(0, 150, 500, null, Linear, OneMinusSqrt, 0.0),
        ["hf.get_wsd_schedule.0_100_500_cosine_1-sqrt_0.1.s0"] = new HfWarmupStableDecay(0, 100, 500, null, Cosine, OneMinusSqrt, 0.1),
        ["hf.get_wsd_schedule.0_100_500_1-sqrt_1-sqrt_0.0.s0"] = new HfWarmupStableDecay(0, 100, 500, null, OneMinusSqrt, OneMinusSqrt,
            0.0),
        ["hf.get_wsd_schedule.10_100_200_linear_linear_0.1.s1"] = new HfWarmupStableDecay(10, 100, 200, null, Linear, Linear, 0.1),
        ["hf.get_wsd_schedule.10_150_200_cosine_linear_0.1.s1"] = new HfWarmupStableDecay(10, 150, 200, null, Cosine, Linear, 0.1),
        ["hf.get_wsd_schedule.10_100_200_1-sqrt_linear_0.1.s1"] = new HfWarmupStableDecay(10, 100, 200, null, OneMinusSqrt, Linear, 0.1),
        ["hf.get_wsd_schedule.10_150_200_linear_cosine_0.0.s1"] = new HfWarmupStableDecay(10, 150, 200, null, Linear, Cosine, 0.0),
        ["hf.get_wsd_schedule.10_100_200_cosine_cosine_0.0.s1"] = new HfWarmupStableDecay(10, 100, 200, null, Cosine, Cosine, 0.0),
        ["hf.get_wsd_schedule.10_100_200_1-sqrt_cosine_0.0.s1"] = new HfWarmupStableDecay(10, 100, 200, null, OneMinusSqrt, Cosine, 0.0),
        ["hf.get_wsd_schedule.10_150_200_linear_1-sqrt_0.1.s1"] = new HfWarmupStableDecay(10, 150, 200, null, Linear, OneMinusSqrt, 0.1),
        ["hf.get_wsd_schedule.10_100_200_cosine_1-sqrt_0.1.s1"] = new HfWarmupStableDecay(10, 100, 200, null, Cosine, OneMinusSqrt, 0.1),
        ["hf.get_wsd_schedule.10_100_200_1-sqrt_1-sqrt_0.0.s1"] = new HfWarmupStableDecay(10, 100, 200, null, OneMinusSqrt,
            OneMinusSqrt, 0.0),
    };

    public static TheoryData<string> Ids => PeerReference.Ids("hf");

    [Theory]
    [MemberData(nameof(Ids))]
    public void Record_matches_transformers(string id)
    {
        Assert.True(Specs.TryGetValue(id, out var spec), $"no C# spec written for reference case {id}");
        PeerReference.AssertMatches(PeerReference.Case(id), spec);
    }

    [Fact]
    public void Every_hf_reference_case_is_covered() =>
        Assert.Equal(PeerReference.OfPeer("hf").Select(c => c.Id).Order(), Specs.Keys.Order());
}
