using Ramp.Schedules.Compat.Torch;
using Ramp.Schedules.Evaluation;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Tests.Compat.Torch;

public class TorchQuirksTests
{
    private static double Lr(string spec, long step, double baseLr = 0.1, int group = 0, int groups = 1) =>
        ScheduleText.Parse(spec).Bind(Enumerable.Repeat(baseLr, groups).ToArray()).LrAt(group, step);

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(10, 0.001)]
    [InlineData(20, 0.1)]
    [InlineData(30, 0.001)]
    public void CosineAnnealingRisesAgainPastTMax(long step, double expected) =>
        Assert.Equal(expected, Lr("CosineAnnealingLR(opt, T_max=10, eta_min=0.001)", step), 12);

    [Fact]
    public void CosineAnnealingIsSymmetricAroundTMax() =>
        Assert.Equal(Lr("CosineAnnealingLR(opt, T_max=10)", 7), Lr("CosineAnnealingLR(opt, T_max=10)", 13), 12);

    [Fact]
    public void OneCycleGroupsAreIndependent()
    {
        var set = ScheduleText.Parse("OneCycleLR(opt, max_lr=[1.0, 0.5], total_steps=100, base_momentum=[0.8, 0.85])").Bind([0.1, 0.2]);
        var first = ScheduleText.Parse("OneCycleLR(opt, max_lr=1.0, total_steps=100, base_momentum=0.8)").Bind([0.1]);
        var second = ScheduleText.Parse("OneCycleLR(opt, max_lr=0.5, total_steps=100, base_momentum=0.85)").Bind([0.2]);
        foreach (var t in new long[] { 0, 1, 29, 30, 50, 99 })
        {
            Assert.Equal(first.LrAt(0, t), set.LrAt(0, t));
            Assert.Equal(second.LrAt(0, t), set.LrAt(1, t));
            Assert.Equal(first.MomentumAt(0, t), set.MomentumAt(0, t));
            Assert.Equal(second.MomentumAt(0, t), set.MomentumAt(1, t));
        }
        Assert.Equal(1.0 / 25, set.LrAt(0, 0), 15);
        Assert.Equal(0.5, set.LrAt(1, 29), 15);
        Assert.Equal(0.5 / 25 / 1e4, set.LrAt(1, 99), 15);
    }

    [Fact]
    public void OneCycleTakesEpochsTimesStepsPerEpochAndHoldsAfterTheEnd()
    {
        var spec = Assert.IsType<OneCycleLR>(ScheduleText.Parse("OneCycleLR(opt, max_lr=0.1, epochs=4, steps_per_epoch=25)"));
        Assert.Equal(100, spec.TotalSteps);
        var set = spec.Bind([0.1]);
        Assert.Equal(set.LrAt(0, 99), set.LrAt(0, 1000));
    }

    [Fact]
    public void MultiStepDuplicateMilestonesCompound()
    {
        Assert.Equal(0.1, Lr("MultiStepLR(opt, milestones=[5, 5], gamma=0.1)", 4), 15);
        Assert.Equal(0.001, Lr("MultiStepLR(opt, milestones=[5, 5], gamma=0.1)", 5), 15);
    }

    [Fact]
    public void SequentialRestartsTheNextSchedulerFromTheBaseRate()
    {
        const string spec = "SequentialLR(opt, schedulers=[ExponentialLR(opt, gamma=0.5), ConstantLR(opt, factor=0.5, total_iters=2)], milestones=[3])";
        Assert.Equal(0.025, Lr(spec, 2), 15);
        Assert.Equal(0.05, Lr(spec, 3), 15);
        Assert.Equal(0.05, Lr(spec, 4), 15);
        Assert.Equal(0.1, Lr(spec, 5), 15);
    }

    [Fact]
    public void WarmRestartsWithTMultDoubleEachCycle()
    {
        var spec = new CosineAnnealingWarmRestarts(T0: 10, TMult: 2);
        Assert.Equal((9L, 10L), spec.Position(9));
        Assert.Equal((0L, 20L), spec.Position(10));
        Assert.Equal((19L, 20L), spec.Position(29));
        Assert.Equal((0L, 40L), spec.Position(30));
        Assert.Equal((9L, 40L), spec.Position(39));
        Assert.Equal(0.1, spec.LrAt(0, 0.1, 30), 15);
    }

    [Fact]
    public void SwalrAnnealsFromTheBaseRate()
    {
        var spec = new SWALR(new[] { 0.05 }, AnnealEpochs: 4, Anneal: AnnealStrategy.Linear);
        Assert.Equal(0.1, spec.LrAt(0, 0.1, 0), 15);
        Assert.Equal(0.0875, spec.LrAt(0, 0.1, 1), 15);
        Assert.Equal(0.05, spec.LrAt(0, 0.1, 4), 15);
        Assert.Equal(0.05, new SWALR(new[] { 0.05 }, AnnealEpochs: 0).LrAt(0, 0.1, 0), 15);
    }

    [Fact]
    public void CyclicLrTakesPerGroupBounds()
    {
        var set = ScheduleText.Parse("CyclicLR(opt, base_lr=[0.001, 0.002], max_lr=[0.1, 0.2], step_size_up=4)").Bind([1, 1]);
        Assert.Equal(0.2, set.LrAt(1, 4), 15);
        Assert.Equal(0.8, set.MomentumAt(1, 4)!.Value, 15);
        Assert.Equal(0.001, set.LrAt(0, 8), 15);
    }

    [Fact]
    public void ChainedRefusesSchedulersThatOverwriteTheRate()
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(
            "ChainedScheduler([LinearLR(opt), CyclicLR(opt, base_lr=0.01, max_lr=0.1)])"));
        Assert.Contains("CyclicLR cannot be chained", error.Problem);
    }

    [Fact]
    public void ReduceLROnPlateauCannotBeSequenced()
    {
        var error = Assert.Throws<SpecException>(() => ScheduleText.Parse(
            "SequentialLR(opt, schedulers=[LinearLR(opt), ReduceLROnPlateau(opt)], milestones=[5])"));
        Assert.Contains("cannot be sequenced", error.Problem);
    }

    [Fact]
    public void PerGroupListsMustMatchTheGroups()
    {
        var error = Assert.ThrowsAny<ArgumentException>(()
            => ScheduleText.Parse("OneCycleLR(opt, max_lr=[1, 2, 3], total_steps=10)").Bind([0.1, 0.1]));
        Assert.Contains("expected 2 values in max_lr", error.Message);
    }

    [Fact]
    public void LrTableReadsMomentumOnlyWhenCycled()
    {
        var set = ScheduleText.Parse("OneCycleLR(opt, max_lr=1.0, total_steps=10, cycle_momentum=False)").Bind([0.1]);
        Assert.Null(LrTable.Compute(set, 10, [0.1]).Momentum);
    }
}
