using Ramp.Schedules.Composition;
using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Decay;

namespace Ramp.Schedules.Tests.Native;

public class CyclicTests
{
    // Ramp's one-cycle uses PyTorch's phase boundaries, so within the N steps it reproduces OneCycleLR exactly.
    public static TheoryData<string, double, OneCycle> OneCycleCases => new()
    {
        { "torch.OneCycleLR.cos.2p.s0", 1.0, new OneCycle(416, 0.3, 25, 1e4) },
        { "torch.OneCycleLR.cos.3p.s0", 1.0, new OneCycle(455, 0.25, 10, 1e4, ThreePhase: true) },
        { "torch.OneCycleLR.linear.2p.s0", 0.5, new OneCycle(572, 0.1, 10, 100, Anneal: InterpolationKind.Linear) },
        { "torch.OneCycleLR.linear.3p.s0", 1.0, new OneCycle(977, 0.1, 25, 1e4, true, InterpolationKind.Linear) },
        { "torch.OneCycleLR.cos.3p.s1", 0.5, new OneCycle(905, 0.25, 25, 100, ThreePhase: true) },
    };

    [Theory]
    [MemberData(nameof(OneCycleCases))]
    public void One_cycle_matches_pytorch_reference(string id, double maxLr, OneCycle schedule)
    {
        var (lr, momentum, _) = NativeReference.Case(id);
        var set = ((GroupSpec)Text.Native.NativeText.ParseSpec(schedule.ToString())).Bind([maxLr]);
        for (var t = 0; t < lr.Length; t++)
        {
            NativeReference.AssertClose(lr[t][0], set.LrAt(0, t), $"{id} lr step {t}");
            NativeReference.AssertClose(momentum![t][0], set.MomentumAt(0, t)!.Value, $"{id} momentum step {t}");
        }
    }

    public static TheoryData<string, CyclicSchedule> CyclicCases => new()
    {
        { "torch.CyclicLR.triangular.s0", new CyclicSchedule(5, Low: 0.01) },
        { "torch.CyclicLR.triangular2.s1", new CyclicSchedule(19, 30, 0.01, Mode: CyclicMode.Triangular2) },
        { "torch.CyclicLR.exp_range.s0", new CyclicSchedule(41, 15, 0.01, Mode: CyclicMode.ExpRange, Gamma: 0.995) },
    };

    [Theory]
    [MemberData(nameof(CyclicCases))]
    public void Cyclic_matches_pytorch_reference(string id, CyclicSchedule schedule)
    {
        var (lr, momentum, _) = NativeReference.Case(id);
        var set = new GroupSpec(schedule).Bind([0.1]);
        for (var t = 0; t < lr.Length; t++)
        {
            NativeReference.AssertClose(lr[t][0], set.LrAt(0, t), $"{id} lr step {t}");
            NativeReference.AssertClose(momentum![t][0], set.MomentumAt(0, t)!.Value, $"{id} momentum step {t}");
        }
    }

    // N = 100, pct 0.3: rise ends at step 29, the minimum 1/(25 * 1e4) = 4e-6 is reached at 99 and held (clamped).
    [Theory]
    [InlineData(0, 0.04, 0.95)]
    [InlineData(29, 1.0, 0.85)]
    [InlineData(99, 4e-6, 0.95)]
    [InlineData(100, 4e-6, 0.95)]
    [InlineData(1_000_100, 4e-6, 0.95)]
    [InlineData(999_999_999_999, 4e-6, 0.95)]
    public void One_cycle_boundaries(long step, double lr, double momentum)
    {
        var schedule = new OneCycle(100);
        Assert.Equal(lr, schedule.ValueAt(step), 12);
        Assert.Equal(momentum, schedule.MomentumAt(step), 12);
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(5, 1.0)]
    [InlineData(10, 0.1)]
    [InlineData(15, 0.55)]
    [InlineData(999_999_999_995, 0.1)]
    public void Triangular2_halves_each_cycle(long step, double expected) =>
        Assert.Equal(expected, new CyclicSchedule(5, Mode: CyclicMode.Triangular2).ValueAt(step), 12);

    [Fact]
    public void A_spec_without_momentum_cycling_binds_no_momentum()
    {
        var set = Text.Native.NativeText.ParseSpec("onecycle(100, cycle_momentum=false)").Bind([0.1]);
        Assert.Null(set.Momentum);
    }
}
