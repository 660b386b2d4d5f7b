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

    [Fact]
    public void No_warmup_when_a_cold_start_survives_the_peak()
    {
        var range = ClassicRangeTest();
        var r = new WarmupRecommender().Recommend(range, Cold(5), OptimizerProfile.Sgd());
        var valley = new ValleyRule().Suggest(RangeSeries.From(range));
        Assert.Equal(valley.Lr, r.PeakLr);
        Assert.Equal(valley, r.PeakSuggestion);
        Assert.Equal(0, r.WarmupSteps);
        Assert.Contains(r.Rationale, line => line.StartsWith("No warmup: a cold start at"));
    }

    [Fact]
    public void Warmup_keeps_the_ramp_under_the_cold_start_limit_for_K_steps()
    {
        var range = ClassicRangeTest();
        var peak = new ValleyRule().Suggest(RangeSeries.From(range)).Lr!.Value;
        var cold = Cold(peak / 8, trialSteps: 25);
        var r = new WarmupRecommender().Recommend(range, cold, OptimizerProfile.Sgd());
        var c = cold.LargestSurvivingLr!.Value;
        Assert.Equal((long)Math.Ceiling(25 * peak / c - 1e-9), r.WarmupSteps);
        // The defining property: a linear ramp 0 -> peak over W steps is at or below c at step K.
        Assert.True(peak * 25 / r.WarmupSteps <= c * (1 + 1e-12));
        Assert.True(peak * 25 / (r.WarmupSteps - 1) > c);
    }

    [Fact]
    public void Adam_warmup_is_at_least_the_untuned_length()
    {
        var range = ClassicRangeTest();
        var peak = new ValleyRule().Suggest(RangeSeries.From(range)).Lr!.Value;
        var r = new WarmupRecommender().Recommend(range, Cold(peak / 2), OptimizerProfile.Adam(0.98));
        Assert.Equal(100, r.WarmupSteps);
        Assert.Contains(r.Rationale, line => line.StartsWith("Raised to 100"));
        var noCold = new WarmupRecommender().Recommend(range, null, OptimizerProfile.Adam(0.999));
        Assert.Equal(2000, noCold.WarmupSteps);
    }

    [Theory]
    [InlineData(0.999, 2000)]
    [InlineData(0.99, 200)]
    [InlineData(0.98, 100)]
    [InlineData(0.95, 40)]
    public void Untuned_warmup_is_two_over_one_minus_beta2(double beta2, int steps) =>
        Assert.Equal(steps, OptimizerProfile.Adam(beta2).UntunedWarmupSteps);

    [Fact]
    public void Peak_is_capped_by_the_ramp_divergence_point()
    {
        // A descent that runs right to the edge at lr 1: the valley pick (about 0.04) lies above 1 / 50.
        var points = new[] { 5.0, 4.9, 4.8, 4.7, 4.6, 4.5, 4.4, 4.3, 4.2, 4.1, 4.0, 3.9, 3.8, 3.7, 3.6, 3.5, 40 };
        var lrs = SyntheticCurves.LogGrid(-2, 0, points.Length);
        var result = new RangeTestResult(new RangeTestPlan(Iterations: points.Length),
            points.Select((l, i) => new RangeTestPoint(i, lrs[i], l, l)).ToArray(), RangeStopReason.Diverged);
        var r = new WarmupRecommender(CapDivisor: 50).Recommend(result, Cold(10), OptimizerProfile.Sgd());
        Assert.Equal(1.0 / 50, r.PeakLr, 15);
        Assert.Contains(r.Rationale, line => line.StartsWith("Capped at 0.02, the ramp's divergence lr 1 / 50"));
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
    public void Warmup_is_capped_at_a_fraction_of_the_run()
    {
        var range = ClassicRangeTest();
        var r = new WarmupRecommender().Recommend(range, null, OptimizerProfile.Adam(0.999), totalSteps: 1000);
        Assert.Equal(250, r.WarmupSteps);
        Assert.Contains(r.Rationale, line => line.StartsWith("The warmup was capped from 2000 to 250 steps (25% of 1000)"));
    }

    [Fact]
    public void Impossible_recommendations_throw_with_a_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => new WarmupRecommender().Recommend(null, null, OptimizerProfile.Sgd()));
        Assert.Equal("rangeTest", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => new WarmupRecommender().Recommend(ClassicRangeTest(), null, OptimizerProfile.Sgd()));
        Assert.Equal("coldStart", e.ParamName);
        Assert.Contains("no untuned warmup for 'sgd'", e.Message);
        e = Assert.Throws<ArgumentException>(() => new WarmupRecommender().Recommend(ClassicRangeTest(), Cold(1e-9), OptimizerProfile.Sgd()));
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
