using System.Text.Json;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Tests.Tuning.AutoWarmup;

public class RollingStatisticsTests
{
    private static RollingStatistics Of(int window, params double[] xs) =>
        xs.Aggregate(new RollingStatistics(), (s, x) => s.Add(x, window));

    [Fact]
    public void Median_and_scale_are_those_of_the_window()
    {
        var s = Of(5, 1, 2, 4, 100, 3);
        Assert.Equal(3, s.Median);
        // |x - 3| = 2, 1, 1, 97, 0: MAD 1.
        Assert.Equal(RollingStatistics.NormalConsistency, s.Scale, 12);
        Assert.Equal((10 - 3) / RollingStatistics.NormalConsistency, s.ZScore(10, 5)!.Value, 12);
    }

    [Fact]
    public void The_oldest_value_leaves_and_non_finite_values_are_ignored()
    {
        var s = Of(3, 50, 40, double.NaN, 1, 2, double.PositiveInfinity, 3);
        Assert.Equal([1.0, 2.0, 3.0], s.Values);
        Assert.Equal(5, s.Count);
        Assert.Equal(2, s.Median);
    }

    [Fact]
    public void No_z_score_before_min_samples_and_a_flat_signal_does_not_divide_by_zero()
    {
        Assert.Null(Of(8, 1, 2, 3).ZScore(4, 4));
        var flat = Of(8, 2, 2, 2, 2);
        Assert.Equal(0, flat.ZScore(2, 4));
        Assert.Equal(1e-12 * 2, flat.Scale);
    }

    [Fact]
    public void A_start_transient_is_forgotten_once_it_has_left_the_window()
    {
        // Gradient norm falling from 150 to about 1 (the deep MLP's start), then steady with +-10% wobble.
        var s = new RollingStatistics();
        for (var t = 0; t < 80; t++) s = s.Add(t < 30 ? 150 * Math.Pow(0.85, t) : 1 + 0.1 * Math.Sin(t), 32);
        Assert.InRange(s.Median, 0.95, 1.05);
        Assert.InRange(s.Scale, 0.05, 0.15);
    }

    [Fact]
    public void Round_trips_through_json_with_value_equality()
    {
        var s = Of(4, 1.5, 2.5, 3.5);
        var back = JsonSerializer.Deserialize<RollingStatistics>(JsonSerializer.Serialize(s))!;
        Assert.Equal(s, back);
        Assert.Equal(s.GetHashCode(), back.GetHashCode());
        Assert.NotEqual(s, s.Add(1, 4));
    }
}
