using Ramp.Training.Monitoring;

namespace Ramp.Training.Tests.Monitoring;

/// <summary><see cref="StepDecoding.Angle"/>: the angle between w before and after a step, from the three norms the monitor reads back.</summary>
public sealed class AngularUpdateTests
{
    /// <summary>Norms of before = (r1, 0) and after = r2 (cos t, sin t) and of their difference, each to a rounding.</summary>
    private static (double Before, double After, double Update) Sides(double r1, double r2, double theta)
    {
        // after - before without cancellation: r2 cos t - r1 = (r2 - r1) - 2 r2 sin^2(t / 2).
        var half = Math.Sin(theta / 2);
        double dx = (r2 - r1) - 2 * r2 * half * half, dy = r2 * Math.Sin(theta);
        return (r1, r2, Math.Sqrt(dx * dx + dy * dy));
    }

    [Theory]
    [InlineData(1.0, 1.0, 1e-9)] // a step's rotation is often this small: acos(1 - t^2/2) gives 0 here
    [InlineData(1.0, 1.0, 1e-6)]
    [InlineData(3.0, 3.0, 1e-4)]
    [InlineData(1.0, 1.3, 0.01)]
    [InlineData(2.0, 0.5, 0.5)]
    [InlineData(1.0, 1.0, 2.0)]
    [InlineData(1.0, 0.7, 3.0)]
    public void The_angle_is_recovered_from_the_three_norms(double r1, double r2, double theta)
    {
        var (before, after, update) = Sides(r1, r2, theta);

        var angle = StepDecoding.Angle(before, after, update);

        Assert.NotNull(angle);
        Assert.True(Math.Abs(angle.Value - theta) <= 1e-12 * theta + 1e-15, $"angle {angle.Value:R} for {theta:R}");
        Assert.Equal(angle, StepDecoding.Angle(after, before, update)); // symmetric in the two weight norms
    }

    [Fact]
    public void No_rotation_is_zero_and_a_reversal_is_pi()
    {
        Assert.Equal(0.0, StepDecoding.Angle(2.0, 3.0, 1.0)); // same direction: the update only lengthened w
        Assert.Equal(Math.PI, StepDecoding.Angle(2.0, 3.0, 5.0)!.Value, 15);
    }

    [Fact]
    public void Norms_rounded_just_outside_a_triangle_give_the_boundary_not_NaN()
    {
        Assert.Equal(0.0, StepDecoding.Angle(1.0, 1.0, 0.0)); // no update
        Assert.Equal(0.0, StepDecoding.Angle(2.0, 3.0, 1.0 - 1e-16)); // |a - b| a hair above c
        Assert.Equal(Math.PI, StepDecoding.Angle(2.0, 3.0, 5.0 + 1e-15)); // c a hair above a + b
    }

    [Fact]
    public void A_zero_weight_vector_has_no_angle()
    {
        Assert.Null(StepDecoding.Angle(0.0, 1.0, 1.0));
        Assert.Null(StepDecoding.Angle(1.0, 0.0, 1.0));
        Assert.Null(StepDecoding.Angle(1.0, 1.0, double.NaN));
    }
}
