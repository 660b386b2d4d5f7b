using Ramp.Schedules;
using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Training.Tests.Tuning.RangeTest;

public class RangeTestRecorderTests
{
    private static RangeTestResult Run(RangeTestPlan plan, Func<double, double> lossAt)
    {
        var recorder = new RangeTestRecorder(plan);
        while (recorder.Record(lossAt(recorder.NextLr))) { }
        return recorder.ToResult();
    }

    [Fact]
    public void Diverging_curve_stops_when_smoothed_loss_exceeds_four_times_best()
    {
        var result = Run(new RangeTestPlan(), SyntheticCurves.Classic);
        Assert.Equal(RangeStopReason.Diverged, result.StopReason);
        var last = result.Points[^1];
        var best = result.Points.Min(p => p.SmoothedLoss);
        Assert.True(last.SmoothedLoss > 4 * best);
        // Every earlier point was within the rule.
        foreach (var p in result.Points.Take(result.Points.Count - 1))
            Assert.True(p.SmoothedLoss <= 4 * result.Points.Take(p.Iteration + 1).Min(q => q.SmoothedLoss));
        // The blow-up term lr^2 reaches 4 * 0.3 only above lr 1; the smoother lags, so the stop is above that.
        Assert.InRange(result.DivergenceLr!.Value, 1.0, 10.0);
        Assert.Equal(result.Points[^2].Lr, result.LastStableLr);
    }

    [Fact]
    public void Benign_curve_runs_to_completion()
    {
        var result = Run(new RangeTestPlan(EndLr: 0.1), lr => 2.3 - lr);
        Assert.Equal(RangeStopReason.Completed, result.StopReason);
        Assert.Equal(200, result.Points.Count);
        Assert.Null(result.DivergenceLr);
        Assert.Equal(0.1, result.LastStableLr);
    }

    [Fact]
    public void Nan_loss_stops_at_once()
    {
        var result = Run(new RangeTestPlan(), lr => lr > 1e-3 ? double.NaN : 2.0);
        Assert.Equal(RangeStopReason.NonFinite, result.StopReason);
        Assert.True(double.IsNaN(result.Points[^1].Loss));
        Assert.True(result.Points[^1].Lr > 1e-3 && result.Points[^2].Lr <= 1e-3);
        Assert.Equal(result.Points[^1].Lr, result.DivergenceLr);
    }

    [Fact]
    public void Recording_after_the_end_throws()
    {
        var recorder = new RangeTestRecorder(new RangeTestPlan(Iterations: 2));
        Assert.True(recorder.Record(1));
        Assert.False(recorder.Record(1));
        Assert.Equal(RangeStopReason.Completed, recorder.StopReason);
        var e = Assert.Throws<InvalidOperationException>(() => recorder.Record(1));
        Assert.Contains("finished (Completed)", e.Message);
    }

    [Fact]
    public void Series_trims_start_and_end_and_cuts_at_first_nan()
    {
        var recorder = new RangeTestRecorder(new RangeTestPlan(Iterations: 50));
        for (var i = 0; i < 50; i++) recorder.Record(10 - i * 0.1);
        var series = RangeSeries.From(recorder.ToResult());
        Assert.Equal(50 - 5 - 5, series.Count); // 50/10 = 5 skipped at the start, 5 at the end
        Assert.Equal(new RangeTestPlan(Iterations: 50).LrAt(5), series.Lrs[0]);

        var points = Enumerable.Range(0, 30)
            .Select(i => new RangeTestPoint(i, 1e-3 * (i + 1), 1, i == 20 ? double.NaN : 1.0 / (i + 1))).ToArray();
        var truncated = RangeSeries.From(new RangeTestResult(new RangeTestPlan(Iterations: 30), points, RangeStopReason.NonFinite), skipEnd: 0);
        Assert.Equal(20 - 3, truncated.Count); // 3 skipped at the start, cut before index 20
    }

    [Fact]
    public void Series_rejects_bad_input()
    {
        var e = Assert.Throws<RampArgumentException>(() => new RangeSeries([1e-3, 1e-3], [1, 2]));
        Assert.Equal("lrs", e.ParamName);
        Assert.Contains("strictly increase", e.Message);
        e = Assert.Throws<RampArgumentException>(() => new RangeSeries([1e-3, 1e-2], [1, double.NaN]));
        Assert.Equal("losses", e.ParamName);
        e = Assert.Throws<RampArgumentException>(() => new RangeSeries([1e-3], [1, 2]));
        Assert.Contains("1 learning rates but 2 losses", e.Message);
    }
}
