using Ramp.Schedules;
using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Training.Tests.Tuning.RangeTest;

public class WarmupRecommenderTests
{
    private static RangeTestResult ClassicRangeTest()
    {
        var recorder = new RangeTestRecorder(new RangeTestPlan());
        while (recorder.Record(SyntheticCurves.Classic(recorder.NextLr))) { }
        return recorder.ToResult();
    }

    private static ColdStartResult Cold(double limit, int trialSteps = 20) =>
        ColdStartSearch.Run(new ColdStartPlan(TrialSteps: trialSteps), lr => lr < limit);

    private static double EdgePeak(RangeTestResult range) => new EdgeRule().Suggest(RangeSeries.ZeroLag(range)).Lr!.Value;

    [Fact]
    public void The_peak_is_two_thirds_of_the_edge_of_the_range_test()
    {
        var range = ClassicRangeTest();
        var series = RangeSeries.ZeroLag(range);
        var (minimum, edge) = new EdgeRule().Find(series);
        // Classic: the loss bottoms out near 0.3 and the lr^2 term lifts it a quarter above that near lr 0.3-0.5.
        Assert.InRange(series.Lrs[edge!.Value], 0.2, 0.8);
        Assert.True(series.Losses[edge.Value] > 1.25 * series.Losses[minimum]);
        Assert.True(series.Losses[edge.Value - 1] <= 1.25 * series.Losses[minimum]);
        var r = new WarmupRecommender().Recommend(range, Cold(5), OptimizerProfile.Sgd());
        Assert.Equal(series.Lrs[edge.Value] / 1.5, r.PeakLr, 15);
        Assert.Equal("edge", r.PeakSuggestion!.Rule);
        Assert.Equal(0, r.WarmupSteps);
        Assert.StartsWith("In the range test the loss was lowest at lr ", r.Rationale[0]);
        Assert.Contains(r.Rationale, line => line.StartsWith("No warmup: started cold, lr ", StringComparison.Ordinal));
    }

    [Fact]
    public void Warmup_keeps_the_ramp_under_the_cold_start_limit_for_K_steps()
    {
        var range = ClassicRangeTest();
        var peak = EdgePeak(range);
        var cold = Cold(peak / 8, trialSteps: 25);
        var r = new WarmupRecommender().Recommend(range, cold, OptimizerProfile.Sgd());
        var c = cold.LargestSurvivingLr!.Value;
        Assert.Equal(peak, r.PeakLr);
        Assert.Equal((long)Math.Ceiling(25 * peak / c - 1e-9), r.WarmupSteps);
        // The defining property: a linear ramp 0 -> peak over W steps is at or below c at step K.
        Assert.True(peak * 25 / r.WarmupSteps <= c * (1 + 1e-12));
        Assert.True(peak * 25 / (r.WarmupSteps - 1) > c);
    }

    [Fact]
    public void A_warmup_longer_than_a_quarter_of_the_run_lowers_the_peak_instead()
    {
        var range = ClassicRangeTest();
        var peak = EdgePeak(range);
        var cold = Cold(peak / 20, trialSteps: 20);
        var c = cold.LargestSurvivingLr!.Value;
        var r = new WarmupRecommender().Recommend(range, cold, OptimizerProfile.Sgd(), totalSteps: 200);
        Assert.Equal(50, r.WarmupSteps);
        Assert.Equal(c * 50 / 20, r.PeakLr, 15);
        Assert.Contains(r.Rationale, line => line.StartsWith("That warmup is longer than 25% of the 200-step run, so the peak was lowered to", StringComparison.Ordinal));
    }

    [Fact]
    public void Adam_gets_at_least_the_untuned_warmup()
    {
        var range = ClassicRangeTest();
        var peak = EdgePeak(range);
        var r = new WarmupRecommender().Recommend(range, Cold(peak / 2), OptimizerProfile.Adam(0.98));
        Assert.Equal(100, r.WarmupSteps);
        Assert.Contains(r.Rationale, line => line.StartsWith("Raised to 100 steps", StringComparison.Ordinal));
        var safe = new WarmupRecommender().Recommend(range, Cold(10), OptimizerProfile.Adam(0.98));
        Assert.Equal(100, safe.WarmupSteps);
        var noCold = new WarmupRecommender().Recommend(range, null, OptimizerProfile.Adam(0.999));
        Assert.Equal(2000, noCold.WarmupSteps);
    }

    [Fact]
    public void For_Adam_the_peak_is_at_most_one_and_a_half_times_the_rate_of_the_lowest_loss()
    {
        var range = ClassicRangeTest();
        var series = RangeSeries.ZeroLag(range);
        var (minimum, edge) = new EdgeRule().Find(series);
        var cap = 1.5 * series.Lrs[minimum];
        Assert.True(cap < series.Lrs[edge!.Value] / 1.5, $"the classic curve's edge {series.Lrs[edge.Value]} is within 2.25x its minimum {series.Lrs[minimum]}");
        var adam = new WarmupRecommender().Recommend(range, Cold(10), OptimizerProfile.Adam(0.98));
        Assert.Equal(cap, adam.PeakLr, 15);
        Assert.Equal("adam-minimum", adam.PeakSuggestion!.Rule);
        Assert.Contains(adam.Rationale, line => line.StartsWith($"Peak {cap:G4}: 1.5 times the rate of the lowest loss", StringComparison.Ordinal));
        Assert.Equal(EdgePeak(range), new WarmupRecommender().Recommend(range, Cold(10), OptimizerProfile.Sgd()).PeakLr);
        Assert.Equal(EdgePeak(range), new WarmupRecommender(AdamMinimumMultiple: 100).Recommend(range, Cold(10), OptimizerProfile.Adam(0.98)).PeakLr);
        var e = Assert.Throws<RampArgumentException>(() => new WarmupRecommender(AdamMinimumMultiple: 0.5));
        Assert.Equal("AdamMinimumMultiple", e.ParamName);
    }

    [Theory]
    [InlineData(0.999, 2000)]
    [InlineData(0.99, 200)]
    [InlineData(0.98, 100)]
    [InlineData(0.95, 40)]
    public void Untuned_warmup_is_two_over_one_minus_beta2(double beta2, int steps) =>
        Assert.Equal(steps, OptimizerProfile.Adam(beta2).UntunedWarmupSteps);

    [Fact]
    public void A_ramp_that_never_turned_up_gives_the_rate_of_the_lowest_loss()
    {
        // The loss falls all the way to the ramp's end (lr 1e-2): no edge, so the lowest point, with the advice to go further.
        var recorder = new RangeTestRecorder(new RangeTestPlan(1e-6, 1e-2, 50));
        while (recorder.Record(SyntheticCurves.Classic(recorder.NextLr))) { }
        var range = recorder.ToResult();
        var r = new WarmupRecommender().Recommend(range, Cold(10), OptimizerProfile.Sgd());
        var series = RangeSeries.ZeroLag(range);
        Assert.Equal(series.Lrs[new EdgeRule().Find(series).Minimum], r.PeakLr);
        Assert.Contains(r.Rationale, line => line.Contains("a larger --end-lr would find it", StringComparison.Ordinal));
    }

    [Fact]
    public void Falls_back_to_the_cold_start_limit_without_a_range_test()
    {
        var r = new WarmupRecommender().Recommend(null, Cold(0.3), OptimizerProfile.Sgd());
        Assert.True(r.PeakLr < 0.3 && r.PeakLr > 0.3 / 1.1);
        Assert.Equal(0, r.WarmupSteps);
        Assert.Null(r.PeakSuggestion);
    }

    [Fact]
    public void Warmup_without_a_cold_start_search_is_capped_at_a_quarter_of_the_run()
    {
        var r = new WarmupRecommender().Recommend(ClassicRangeTest(), null, OptimizerProfile.Adam(0.999), totalSteps: 1000);
        Assert.Equal(250, r.WarmupSteps);
        Assert.Contains(r.Rationale, line => line.StartsWith("The warmup was shortened from 2000 to 250 steps (25% of the 1000-step run)", StringComparison.Ordinal));
    }

    [Fact]
    public void Impossible_recommendations_throw_with_a_reason()
    {
        var e = Assert.Throws<RampArgumentException>(() => new WarmupRecommender().Recommend(null, null, OptimizerProfile.Sgd()));
        Assert.Equal("rangeTest", e.ParamName);
        e = Assert.Throws<RampArgumentException>(() => new WarmupRecommender().Recommend(ClassicRangeTest(), null, OptimizerProfile.Sgd()));
        Assert.Equal("coldStart", e.ParamName);
        Assert.Contains("no untuned warmup for 'sgd'", e.Message);
        e = Assert.Throws<RampArgumentException>(() => new WarmupRecommender().Recommend(ClassicRangeTest(), Cold(1e-9), OptimizerProfile.Sgd()));
        Assert.Contains("found no surviving lr", e.Message);
        Assert.Equal(58, new WarmupRecommender().Recommend(ClassicRangeTest(), null, OptimizerProfile.Sgd(58)).WarmupSteps);
    }

    [Fact]
    public void Rationale_reads_as_a_paragraph()
    {
        var r = new WarmupRecommendation(0.1, 50, null, new EquatableArray<string>(["A.", "B."]));
        Assert.Equal("peak lr 0.1, warmup 50 steps. A. B.", r.ToString());
    }
}
