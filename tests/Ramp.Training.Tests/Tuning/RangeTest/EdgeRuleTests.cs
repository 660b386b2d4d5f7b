using Ramp.Schedules;
using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Training.Tests.Tuning.RangeTest;

public class EdgeRuleTests
{
    private static RangeTestResult Result(double[] losses, double beta)
    {
        var lrs = SyntheticCurves.LogGrid(-4, 0, losses.Length);
        return new RangeTestResult(new RangeTestPlan(lrs[0], lrs[^1], losses.Length, beta),
            losses.Select((l, i) => new RangeTestPoint(i, lrs[i], l, double.NaN)).ToArray(), RangeStopReason.Completed);
    }

    [Fact]
    public void Zero_lag_smoothing_keeps_a_symmetric_dip_where_it_is_while_the_ema_moves_it_right()
    {
        // A dip centred on point 50 of 101.
        var losses = Enumerable.Range(0, 101).Select(i => 2 - Math.Exp(-Math.Pow((i - 50) / 8.0, 2))).ToArray();
        var zeroLag = RangeSeries.ZeroLag(Result(losses, 0.9));
        var lowest = Enumerable.Range(0, zeroLag.Count).MinBy(i => zeroLag.Losses[i]);
        Assert.InRange(lowest, 49, 51);
        var ema = new LossSmoother(0.9);
        var lagged = losses.Select(l => (ema = ema.Add(l)).Value).ToArray();
        Assert.True(Array.IndexOf(lagged, lagged.Min()) >= 55, "the one-sided EMA lags by several points");
    }

    [Fact]
    public void Zero_lag_stops_at_the_first_non_finite_loss()
    {
        var series = RangeSeries.ZeroLag(Result([2, 1.9, 1.8, double.NaN, 1.7], 0.5));
        Assert.Equal(3, series.Count);
    }

    [Fact]
    public void The_edge_is_the_first_point_a_quarter_above_the_lowest_loss_after_it()
    {
        double[] losses = [3, 2.5, 2, 1.5, 1, 1.1, 1.2, 1.26, 2, 9];
        var lrs = SyntheticCurves.LogGrid(-3, 0, losses.Length);
        var series = new RangeSeries(lrs, losses);
        var rule = new EdgeRule();
        Assert.Equal((4, (int?)7), rule.Find(series));
        var s = rule.Suggest(series);
        Assert.Equal(lrs[7] / 1.5, s.Lr);
        Assert.Equal(7, s.Index);
        Assert.StartsWith("edge: lr ", s.Explanation);
    }

    [Fact]
    public void A_collapse_to_a_constant_prediction_counts_as_an_edge()
    {
        // The loss falls to 0.9, then jumps to ln 10 = 2.30 (a dead network) and stays: far below 4x, still an edge.
        double[] losses = [2.3, 1.5, 1.0, 0.9, 2.3, 2.3, 2.3];
        var series = new RangeSeries(SyntheticCurves.LogGrid(-3, 0, losses.Length), losses);
        Assert.Equal((3, (int?)4), new EdgeRule().Find(series));
    }

    [Fact]
    public void No_rise_gives_no_suggestion_with_the_reason()
    {
        var series = new RangeSeries(SyntheticCurves.LogGrid(-3, 0, 5), [2, 1.8, 1.6, 1.5, 1.45]);
        var s = new EdgeRule().Suggest(series);
        Assert.False(s.HasValue);
        Assert.Equal("edge: no suggestion, the loss never rose 1.25x above its lowest point (lr 1); the ramp may have ended too early", s.Explanation);
    }

    [Theory]
    [InlineData(1.0, 2.0, "Rise")]
    [InlineData(1.25, 0.5, "Divisor")]
    [InlineData(double.NaN, 2.0, "Rise")]
    public void Bad_parameters_throw_naming_them(double rise, double divisor, string name) =>
        Assert.Equal(name, Assert.Throws<RampArgumentException>(() => new EdgeRule(rise, divisor)).ParamName);
}
