using Ramp.Runs;
using Ramp.Reports.Measures;

namespace Ramp.Reports.Tests.Measures;

public class FinalMetricTests
{
    static Run Write(TempDir tmp, RunWriter w) => RunFolderReader.Read(w.Write());

    [Fact]
    public void Capped_final_loss_never_exceeds_the_baseline()
    {
        using var tmp = new TempDir();
        var blown = Write(tmp, new RunWriter { Dir = tmp.Sub("b"), Accuracy = null, Loss = t => t < 5 ? 2.0 : double.PositiveInfinity });
        var good = Write(tmp, new RunWriter { Dir = tmp.Sub("g"), Accuracy = null, Loss = t => 2.0 - t * 0.02 });
        Assert.Equal(2.0, FinalMetric.Capped(blown, MetricKind.Loss));
        Assert.Equal(2.0 - 49 * 0.02, FinalMetric.Capped(good, MetricKind.Loss), 12);
        Assert.Equal(MetricKind.Loss, FinalMetric.KindFor([blown, good]));
    }

    [Theory]
    [InlineData("no-warmup", true)]
    [InlineData("none", true)]
    [InlineData("W=0", true)]
    [InlineData("warmup-0", true)]
    [InlineData("constant", true)]
    [InlineData("warmup-100", false)]
    [InlineData("w10", false)]
    [InlineData("auto", false)]
    public void The_no_warmup_arm_is_recognised(string arm, bool expected) =>
        Assert.Equal(expected, ArmNames.IsNoWarmup(arm));

    [Fact]
    public void Arms_are_ordered_no_warmup_first_then_by_length()
    {
        Assert.Equal(["none", "warmup-5", "warmup-50", "warmup-500", "auto"],
            ArmNames.Ordered(["warmup-500", "auto", "warmup-50", "none", "warmup-5"]));
    }
}
