using CsCheck;
using Ramp.Schedules;
using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Training.Tests.Tuning.RangeTest;

public class ColdStartSearchTests
{
    [Fact]
    public void Finds_a_known_threshold_within_tolerance()
    {
        var result = ColdStartSearch.Run(new ColdStartPlan(), lr => lr < 0.037);
        Assert.Equal(ColdStartOutcome.Bracketed, result.Outcome);
        Assert.True(result.LargestSurvivingLr < 0.037 && result.SmallestFailingLr >= 0.037);
        Assert.True(result.SmallestFailingLr / result.LargestSurvivingLr <= 1.1);
        // Doubling from 1e-3: 1,2,4,8,16,32 survive, 64 fails (7 trials); then a factor 2 is bisected to 1.1:
        // 2 -> 1.414 -> 1.189 -> 1.091 (3 trials).
        Assert.Equal(10, result.Trials.Count);
        Assert.Equal(new ColdStartTrial(1e-3, true), result.Trials[0]);
    }

    [Fact]
    public void Searches_downwards_when_the_first_trial_fails()
    {
        var result = ColdStartSearch.Run(new ColdStartPlan(), lr => lr < 2e-5);
        Assert.Equal(ColdStartOutcome.Bracketed, result.Outcome);
        Assert.False(result.Trials[0].Survived);
        Assert.True(result.LargestSurvivingLr < 2e-5 && result.SmallestFailingLr >= 2e-5);
    }

    [Fact]
    public void Reports_when_every_or_no_lr_survives()
    {
        var all = ColdStartSearch.Run(new ColdStartPlan(), _ => true);
        Assert.Equal(ColdStartOutcome.AllSurvive, all.Outcome);
        Assert.Equal(10, all.LargestSurvivingLr);
        Assert.Null(all.SmallestFailingLr);
        var none = ColdStartSearch.Run(new ColdStartPlan(), _ => false);
        Assert.Equal(ColdStartOutcome.NoneSurvive, none.Outcome);
        Assert.Equal(1e-7, none.SmallestFailingLr);
        Assert.Null(none.LargestSurvivingLr);
    }

    [Fact]
    public void Stops_at_the_trial_budget_and_keeps_the_bracket()
    {
        var result = ColdStartSearch.Run(new ColdStartPlan(MaxTrials: 8), lr => lr < 0.037);
        Assert.Equal(ColdStartOutcome.OutOfTrials, result.Outcome);
        Assert.Equal(8, result.Trials.Count);
        Assert.True(result.LargestSurvivingLr < 0.037 && result.SmallestFailingLr >= 0.037);
        var one = ColdStartSearch.Run(new ColdStartPlan(MaxTrials: 1), lr => lr < 0.037);
        Assert.Equal(ColdStartOutcome.OutOfTrials, one.Outcome);
        Assert.Equal(1e-3, one.LargestSurvivingLr);
    }

    [Fact]
    public void Any_threshold_in_range_is_bracketed_within_tolerance() =>
        Gen.Double[-6.5, 0.5].Select(Gen.Double[1.01, 3]).Sample((log10, tolerance) =>
        {
            var threshold = Math.Pow(10, log10);
            var r = ColdStartSearch.Run(new ColdStartPlan(Tolerance: tolerance), lr => lr < threshold);
            return r.Outcome == ColdStartOutcome.Bracketed
                && r.LargestSurvivingLr < threshold && r.SmallestFailingLr >= threshold
                && r.SmallestFailingLr / r.LargestSurvivingLr <= tolerance;
        });

    [Fact]
    public void Plan_rejects_an_initial_lr_outside_its_range()
    {
        var e = Assert.Throws<RampArgumentException>(() => new ColdStartPlan(InitialLr: 100));
        Assert.Equal("InitialLr", e.ParamName);
        Assert.Contains("initial lr must be in [1E-07, 10] but was 100", e.Message);
    }
}
