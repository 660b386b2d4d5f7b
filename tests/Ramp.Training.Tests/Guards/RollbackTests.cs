using Ramp.Schedules;
using Ramp.Training.Guards;

namespace Ramp.Training.Tests.Guards;

public class RollbackTests
{
    [Fact]
    public void Multiplier_rewarms_linearly_from_the_rollback_step()
    {
        var s = new RollbackState().After(100, new RollbackOptions(LrFactor: 0.5, RewarmSteps: 4));
        Assert.Equal(0.5, s.MultiplierAt(99));
        Assert.Equal(0.125, s.MultiplierAt(100));
        Assert.Equal(0.375, s.MultiplierAt(102));
        Assert.Equal(0.5, s.MultiplierAt(103));
        Assert.Equal(0.5, s.MultiplierAt(10_000));
        Assert.Equal(1, s.Rollbacks);
        Assert.Equal(0.25, s.After(200, new RollbackOptions()).LrScale);
    }

    [Fact]
    public void Without_rollback_the_multiplier_is_one()
    {
        Assert.Equal(1.0, new RollbackState().MultiplierAt(0));
    }

    [Fact]
    public void Trigger_fires_on_non_finite_and_on_repeated_skips_within_the_window()
    {
        var t = new RollbackTrigger(new RollbackOptions(SkipsToRollBack: 2, SkipWindow: 10));
        Assert.NotNull(t.Decide(5, nonFinite: true, skipped: false));
        Assert.Null(t.Decide(6, false, true));
        Assert.Null(t.Decide(20, false, true));
        Assert.Contains("2 updates were skipped", t.Decide(25, false, true));
        t.RestoreState(null, rollingBack: true); // forgets the skips counted so far
        Assert.Null(t.Decide(26, false, true));
    }

    [Fact]
    public void Bad_factor_is_rejected_with_its_name()
    {
        var e = Assert.Throws<RampArgumentException>(() => new RollbackOptions(LrFactor: 2).Validated());
        Assert.Equal("LrFactor", e.ParamName);
    }
}
