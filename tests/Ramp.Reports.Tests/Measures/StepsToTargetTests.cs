using Ramp.Runs;
using Ramp.Reports.Measures;

namespace Ramp.Reports.Tests.Measures;

public class StepsToTargetTests
{
    [Fact]
    public void Counts_steps_until_the_smoothed_loss_reaches_the_target()
    {
        using var tmp = new TempDir();
        // Loss 10 - t: the trailing mean of 3 rows at step t is 10 - (t - 1) = 11 - t for t >= 2.
        var run = RunFolderReader.Read(new RunWriter { Dir = tmp.Sub("r"), Loss = t => 10 - t * 1.0, Steps = 10 }.Write());
        Assert.Equal(6L, StepsToTarget.Of(run, MetricKind.Loss, 6, 3));
        Assert.Equal(1L, StepsToTarget.Of(run, MetricKind.Loss, 10, 3));
        Assert.Null(StepsToTarget.Of(run, MetricKind.Loss, 0.5, 3));
    }

    [Fact]
    public void A_run_that_blows_up_first_never_reaches_it()
    {
        using var tmp = new TempDir();
        var run = RunFolderReader.Read(new RunWriter { Dir = tmp.Sub("r"), Loss = t => t < 3 ? 5 : t == 3 ? double.NaN : 0.1 }.Write());
        Assert.Null(StepsToTarget.Of(run, MetricKind.Loss, 1, 1));
    }

    [Fact]
    public void Accuracy_targets_are_reached_from_below()
    {
        using var tmp = new TempDir();
        var run = RunFolderReader.Read(new RunWriter { Dir = tmp.Sub("r"), Accuracy = t => t / 10.0, Steps = 10 }.Write());
        Assert.Equal(6L, StepsToTarget.Of(run, MetricKind.Accuracy, 0.5, 1));
    }

    [Fact]
    public void Median_counts_not_reached_as_infinity()
    {
        Assert.Equal(20.0, StepsToTarget.Median([10, 20, null]));
        Assert.Equal(15.0, StepsToTarget.Median([10, 20]));
        Assert.Null(StepsToTarget.Median([10, null, null]));
        Assert.Null(StepsToTarget.Median([]));
    }
}
