using Ramp.Schedules;
using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Training.Tests.Tuning.RangeTest;

public class SuggestionRuleTests
{
    private static RangeSeries Series(params double[] losses) =>
        new(Enumerable.Range(1, losses.Length).Select(i => i * 1e-3).ToArray(), losses);

    [Fact]
    public void Valley_picks_about_halfway_along_the_longest_descent_ignoring_a_bump()
    {
        // Longest descent: indices 0,1,3,4,5,6,7,8 (the bump 4.5 at index 2 is skipped): span 8,
        // pick 0 + 8/3 + 8/6 = 0 + 2 + 1 = 3.
        var s = new ValleyRule().Suggest(Series(5, 4, 4.5, 3, 2, 1.5, 1, 0.8, 0.7, 2, 9));
        Assert.Equal(3, s.Index);
        Assert.Equal(4e-3, s.Lr!.Value, 15);
        Assert.Equal("valley", s.Rule);
        Assert.Contains("longest descent", s.Explanation);
    }

    [Fact]
    public void Steep_picks_the_left_end_of_the_steepest_segment_on_the_classic_curve()
    {
        // Grid 10^-6 .. 10^0 in steps of 0.1 decade: the sigmoid's centre 10^-2.5 is point 35; the two segments
        // beside it are equally steep, and the lr^2 term tilts the tie to the left one, which starts at point 34.
        var lrs = SyntheticCurves.LogGrid(-6, 0, 61);
        var s = new SteepRule().Suggest(new RangeSeries(lrs, lrs.Select(SyntheticCurves.Classic).ToArray()));
        Assert.Equal(34, s.Index);
        Assert.Equal(Math.Pow(10, -2.6), s.Lr!.Value, 1e-12);
    }

    [Fact]
    public void Minimum_is_a_tenth_of_the_lr_of_the_lowest_loss()
    {
        var s = new MinimumRule().Suggest(new RangeSeries([1e-4, 1e-3, 1e-2, 1e-1, 1], [3, 2, 1, 0.5, 2]));
        Assert.Equal(3, s.Index);
        Assert.Equal(1e-2, s.Lr!.Value, 15);
    }

    [Fact]
    public void Slide_backs_off_one_window_from_the_bend()
    {
        // Straight descent (gradient -0.02 per point) up to point 39, then a quadratic rise. The gradient at 39
        // already turns up (+0.005), at 38 it is still -0.02; so the last bending window ends at 39 and starts at 24.
        var losses = Enumerable.Range(0, 60)
            .Select(i => i <= 39 ? 2 - 0.02 * i : 1.22 + 0.05 * (i - 39) * (i - 39) - 0.02).ToArray();
        var s = new SlideRule().Suggest(Series(losses));
        Assert.Equal(24, s.Index);
        Assert.Equal(25e-3, s.Lr!.Value, 15);
        Assert.Equal(50e-3, new SlideRule(Adjust: 2).Suggest(Series(losses)).Lr!.Value, 15);
    }

    [Fact]
    public void Classic_curve_suggestions_are_in_the_descent_and_below_the_edge()
    {
        var recorder = new RangeTestRecorder(new RangeTestPlan());
        while (recorder.Record(SyntheticCurves.Classic(recorder.NextLr))) { }
        var result = recorder.ToResult();
        var series = RangeSeries.From(result);
        foreach (var rule in SuggestionRule.All)
        {
            var s = rule.Suggest(series);
            Assert.True(s.HasValue, s.Explanation);
            // The descent spans 1e-4..1e-1; all rules must land inside it (smoothing lags the curve to the right).
            Assert.InRange(s.Lr!.Value, 1e-4, 0.5);
            Assert.True(s.Lr < result.DivergenceLr);
        }
    }

    [Fact]
    public void Rising_curve_has_no_suggestion_from_any_descent_rule()
    {
        var rising = Series(1, 2, 3, 4, 5, 6);
        foreach (var rule in new SuggestionRule[] { new ValleyRule(), new SteepRule(), new MinimumRule() })
        {
            var s = rule.Suggest(rising);
            Assert.False(s.HasValue);
            Assert.Null(s.Index);
            Assert.StartsWith(rule.Name + ": no suggestion", s.Explanation);
        }
    }

    [Fact]
    public void Too_short_series_give_no_suggestion_with_the_count()
    {
        var empty = new RangeSeries([], []);
        foreach (var rule in SuggestionRule.All)
        {
            var s = rule.Suggest(empty);
            Assert.False(s.HasValue);
            Assert.Contains("has 0 points", s.Explanation);
        }
        var slide = new SlideRule().Suggest(Series(5, 4, 3, 2, 1, 0.5, 0.4, 0.3, 0.2, 0.1));
        Assert.Equal("slide: no suggestion, the trimmed series has 10 points and this rule needs at least 16", slide.Explanation);
    }

    [Fact]
    public void Nan_truncated_test_still_suggests_from_the_finite_part()
    {
        // Losses fall, then turn NaN at lr > 1e-2: the series is cut there and valley works on what is left.
        var recorder = new RangeTestRecorder(new RangeTestPlan());
        while (recorder.Record(recorder.NextLr > 1e-2 ? double.NaN : 2.3 - 0.2 * (Math.Log10(recorder.NextLr) + 7))) { }
        var s = new ValleyRule().Suggest(RangeSeries.From(recorder.ToResult(), skipEnd: 0));
        Assert.True(s.HasValue);
        Assert.True(s.Lr <= 1e-2);
    }

    [Fact]
    public void Slide_rejects_bad_parameters()
    {
        var e = Assert.Throws<RampArgumentException>(() => new SlideRule(Window: 0));
        Assert.Equal("Window", e.ParamName);
        Assert.Contains("window must be >= 1 but was 0", e.Message);
    }
}
