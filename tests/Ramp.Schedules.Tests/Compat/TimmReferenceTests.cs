using Ramp.Schedules.Compat.Timm;

namespace Ramp.Schedules.Tests.Compat;

public class TimmReferenceTests
{
    private static readonly Dictionary<string, ScheduleSpec> Specs = new()
    {
        ["timm.CosineLRScheduler.0.s0"] = new TimmCosine(300, LrMin: 0.0, WarmupT: 5, WarmupLrInit: 1e-4, WarmupPrefix: false),
        ["timm.CosineLRScheduler.0.s1"] = new TimmCosine(50, LrMin: 1e-5, WarmupT: 0, WarmupLrInit: 0.0, WarmupPrefix: false),
        ["timm.CosineLRScheduler.1.s0"] = new TimmCosine(60, 1e-5, CycleMul: 2.0, CycleDecay: 0.8, CycleLimit: 2, WarmupT: 3,
            WarmupLrInit: 1e-5),
        ["timm.CosineLRScheduler.1.s1"] = new TimmCosine(60, 1e-5, CycleMul: 2.0, CycleDecay: 0.8, CycleLimit: 2, WarmupT: 3,
            WarmupLrInit: 1e-5),
        ["timm.CosineLRScheduler.2.s0"] = new TimmCosine(100, 1e-4, KDecay: 2.0, WarmupT: 10, WarmupLrInit: 1e-5),
        ["timm.CosineLRScheduler.2.s1"] = new TimmCosine(100, 1e-4, KDecay: 2.0, WarmupT: 10, WarmupLrInit: 1e-5),
        ["timm.TanhLRScheduler.3.s0"] = new TimmTanh(50, -7.0, 3.0, LrMin: 1e-5, WarmupT: 0, WarmupLrInit: 1e-5, CycleLimit: 1),
        ["timm.TanhLRScheduler.3.s1"] = new TimmTanh(150, -7.0, 3.0, LrMin: 1e-5, WarmupT: 0, WarmupLrInit: 1e-5, CycleLimit: 1),
        ["timm.StepLRScheduler.4.s0"] = new TimmStep(10, 0.5, WarmupT: 0, WarmupLrInit: 1e-4, WarmupPrefix: false),
        ["timm.StepLRScheduler.4.s1"] = new TimmStep(30, 0.5, WarmupT: 0, WarmupLrInit: 1e-4, WarmupPrefix: false),
        ["timm.MultiStepLRScheduler.5.s0"] = new TimmMultiStep(new long[] { 48, 132, 149 }, 0.1, 0, 1e-4, WarmupPrefix: false),
        ["timm.MultiStepLRScheduler.5.s1"] = new TimmMultiStep(new long[] { 49, 74, 129 }, 0.1, 0, 1e-4, WarmupPrefix: false),
        ["timm.PolyLRScheduler.6.s0"] = new TimmPoly(100, 0.5, 1e-4, WarmupT: 0, WarmupLrInit: 1e-5, KDecay: 1.0),
        ["timm.PolyLRScheduler.6.s1"] = new TimmPoly(100, 2.0, 1e-4, WarmupT: 0, WarmupLrInit: 1e-5, KDecay: 1.0),
    };

    public static TheoryData<string> Ids => PeerReference.Ids("timm");

    [Theory]
    [MemberData(nameof(Ids))]
    public void Record_matches_timm(string id)
    {
        Assert.True(Specs.TryGetValue(id, out var spec), $"no C# spec written for reference case {id}");
        PeerReference.AssertMatches(PeerReference.Case(id), spec);
    }

    [Fact]
    public void Every_timm_reference_case_is_covered() =>
        Assert.Equal(PeerReference.OfPeer("timm").Select(c => c.Id).Order(), Specs.Keys.Order());
}
