using Ramp.Reports.Measures;
using Ramp.Reports.RunFolders;
using Ramp.Reports.Tests.Fixtures;

namespace Ramp.Reports.Tests.Measures;

public class DivergenceTests
{
    static Run Write(TempDir tmp, RunWriter w) => RunFolderReader.Read(w.Write());

    [Fact]
    public void A_nonfinite_loss_diverges()
    {
        using var tmp = new TempDir();
        var run = Write(tmp, new RunWriter { Dir = tmp.Sub("r"), Loss = t => t == 7 ? double.NaN : 1.0 });
        Assert.Equal((true, "loss became non-finite at step 7"), Divergence.Check(run));
    }

    [Fact]
    public void Ending_above_the_initial_loss_diverges_and_below_does_not()
    {
        using var tmp = new TempDir();
        var up = Write(tmp, new RunWriter { Dir = tmp.Sub("up"), Loss = t => 2 + t * 0.01 });
        var down = Write(tmp, new RunWriter { Dir = tmp.Sub("down"), Loss = t => 2 - t * 0.01 });
        Assert.Equal((true, "final loss 2.49 is above the initial loss 2"), Divergence.Check(up));
        Assert.Equal((false, ""), Divergence.Check(down));
    }

    [Fact]
    public void A_language_model_is_judged_against_its_unigram_baseline()
    {
        using var tmp = new TempDir();
        // Falls from 4.6 to 3.1: below the initial loss but above the unigram entropy 3.0.
        var run = Write(tmp, new RunWriter { Dir = tmp.Sub("r"), Accuracy = null, Unigram = 3.0, Loss = t => 4.6 - t * 1.5 / 49 });
        var (diverged, reason) = Divergence.Check(run);
        Assert.True(diverged);
        Assert.Equal("final loss 3.1 is above the unigram baseline 3", reason);
        Assert.Equal(3.0, Divergence.Baseline(run));
    }

    [Fact]
    public void An_unfinished_run_is_judged_by_its_last_row()
    {
        using var tmp = new TempDir();
        var run = Write(tmp, new RunWriter { Dir = tmp.Sub("r"), Finished = false, Loss = t => 1 + t });
        Assert.Null(run.Summary);
        Assert.Equal(50.0, Divergence.FinalLoss(run));
        Assert.True(Divergence.Check(run).Diverged);
    }

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
