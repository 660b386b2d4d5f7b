using Ramp.Schedules;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Tests.Monitoring;

public class RollingWindowTests
{
    [Fact]
    public void Mean_and_std_ignore_non_finite_values()
    {
        var w = new RollingWindow(4);
        Assert.True(w.Add(1));
        Assert.False(w.Add(double.NaN));
        Assert.False(w.Add(double.PositiveInfinity));
        Assert.True(w.Add(3));
        Assert.Equal(2, w.Count);
        Assert.Equal(2.0, w.Mean, 12);
        Assert.Equal(Math.Sqrt(2), w.StandardDeviation, 12);
    }

    [Fact]
    public void Oldest_value_drops_out_when_full()
    {
        var w = new RollingWindow(3);
        foreach (var x in new[] { 10.0, 1, 2, 3 }) w.Add(x);
        Assert.Equal([1.0, 2, 3], w.Snapshot());
        Assert.Equal(2.0, w.Mean, 12);
    }

    [Fact]
    public void Outliers_are_judged_only_after_min_count_and_non_finite_always_is_one()
    {
        var w = new RollingWindow(10);
        for (var i = 0; i < 4; i++) w.Add(1 + 0.1 * (i % 2));
        Assert.False(w.IsHighOutlier(100, 6, minCount: 5));
        Assert.True(w.IsHighOutlier(double.NaN, 6, minCount: 5));
        w.Add(1);
        Assert.True(w.IsHighOutlier(100, 6, minCount: 5));
        Assert.False(w.IsHighOutlier(1.1, 6, minCount: 5));
    }

    [Fact]
    public void Snapshot_and_restore_round_trip()
    {
        var w = new RollingWindow(3);
        foreach (var x in new[] { 5.0, 6, 7, 8 }) w.Add(x);
        var copy = new RollingWindow(3);
        copy.Restore(w.Snapshot());
        Assert.Equal(w.Snapshot(), copy.Snapshot());
        w.Add(9); copy.Add(9);
        Assert.Equal(w.Mean, copy.Mean);
    }

    [Fact]
    public void Capacity_below_two_is_rejected()
    {
        var e = Assert.Throws<RampArgumentException>(() => new RollingWindow(1));
        Assert.Equal("capacity", e.ParamName);
    }
}
