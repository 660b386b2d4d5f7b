using Ramp.Runs.Tests.Fixtures;

namespace Ramp.Runs.Tests;

public class DivergenceTests
{
    private static Run Write(RunWriter w) => RunFolderReader.Read(w.Write());

    [Fact]
    public void A_non_finite_loss_on_an_applied_step_diverges_at_that_step()
    {
        using var tmp = new TempDir();
        var run = Write(new RunWriter { Dir = tmp.Sub("r"), Loss = t => t == 7 ? double.NaN : 1.0 });
        Assert.Equal(new DivergenceVerdict(true, 7, "the loss or a gradient became non-finite at step 7"), Divergence.Judge(run));
        Assert.Equal((RunStatus.Diverged, true, 7L), (run.Summary!.Status, run.Summary.Diverged, run.Summary.DivergedAt));
    }

    [Fact]
    public void A_non_finite_step_that_a_guard_skipped_does_not_count_by_itself()
    {
        using var tmp = new TempDir();
        var run = Write(new RunWriter { Dir = tmp.Sub("r"), Loss = t => t == 7 ? double.NaN : 2 - t * 0.01, Skipped = t => t == 7 });
        Assert.Equal(50, run.Metrics.Count);
        Assert.Equal(DivergenceVerdict.None, Divergence.Judge(run));
        Assert.Equal(RunStatus.Finished, run.Summary!.Status);
    }

    [Fact]
    public void Ending_at_or_above_the_initial_loss_diverges_and_below_does_not()
    {
        using var tmp = new TempDir();
        var up = Write(new RunWriter { Dir = tmp.Sub("up"), Loss = t => 2 + t * 0.01 });
        var flat = Write(new RunWriter { Dir = tmp.Sub("flat"), Loss = _ => 2 });
        var down = Write(new RunWriter { Dir = tmp.Sub("down"), Loss = t => 2 - t * 0.01 });
        Assert.Equal(new DivergenceVerdict(true, null, "final loss 2.49 is not below the initial loss 2"), Divergence.Judge(up));
        Assert.True(Divergence.Judge(flat).Diverged);
        Assert.Equal(DivergenceVerdict.None, Divergence.Judge(down));
        Assert.Equal((RunStatus.Diverged, RunStatus.Diverged, RunStatus.Finished), (up.Summary!.Status, flat.Summary!.Status, down.Summary!.Status));
    }

    [Fact]
    public void A_language_model_is_judged_against_its_unigram_baseline()
    {
        using var tmp = new TempDir();
        // Falls from 4.6 to 3.1: below the initial loss but above the unigram entropy 3.0.
        var run = Write(new RunWriter { Dir = tmp.Sub("r"), Accuracy = null, Unigram = 3.0, Loss = t => 4.6 - t * 1.5 / 49 });
        Assert.Equal(new DivergenceVerdict(true, null, "final loss 3.1 is not below the unigram baseline 3"), Divergence.Judge(run));
        Assert.Equal((3.0, "unigram baseline"), Divergence.Baseline(run.Config, 4.6));
        Assert.Equal((4.6, "initial loss"), Divergence.Baseline(run.Config with { UnigramBaseline = null }, 4.6));
    }

    [Fact]
    public void A_run_in_progress_is_judged_by_blow_ups_only()
    {
        using var tmp = new TempDir();
        var rising = Write(new RunWriter { Dir = tmp.Sub("r"), Finished = false, Loss = t => 1 + t });
        var blown = Write(new RunWriter { Dir = tmp.Sub("b"), Finished = false, Loss = t => t < 3 ? 1 : double.PositiveInfinity });
        Assert.Null(rising.Summary);
        Assert.False(Divergence.Judge(rising).Diverged);
        Assert.Equal(3L, Divergence.Judge(blown).At);
    }

    [Fact]
    public void A_stop_for_divergence_that_no_row_shows_counts()
    {
        // A roll-back guard with no roll-back left stops the run before the failing step becomes a row.
        using var tmp = new TempDir();
        var dir = new RunWriter { Dir = tmp.Sub("r"), Loss = t => 2 - t * 0.01 }.Write();
        var folder = new RunFolder(dir);
        var written = folder.ReadSummary()!;
        folder.WriteSummary(written with { Status = RunStatus.Diverged, Diverged = true, DivergedAt = 50, Steps = 50, Config = written.Config with { Steps = 80 } });
        Assert.Equal(new DivergenceVerdict(true, 50, "the loss or a gradient became non-finite at step 50"), Divergence.Judge(RunFolderReader.Read(dir)));
    }

    [Fact]
    public void Judge_needs_only_the_evidence()
    {
        Assert.Equal(DivergenceVerdict.None, Divergence.Judge(new DivergenceEvidence(true, null, 1.0, double.NaN, "initial loss", null)));
        Assert.Equal("final loss is NaN", Divergence.Judge(new DivergenceEvidence(true, null, double.NaN, double.NaN, "initial loss", 4)).Reason);
        Assert.Equal(4L, Divergence.Judge(new DivergenceEvidence(true, null, double.PositiveInfinity, 2, "initial loss", 4)).At);
        Assert.False(Divergence.Judge(new DivergenceEvidence(false, null, 9, 2, "initial loss", null)).Diverged);
        Assert.Throws<ArgumentNullException>(() => Divergence.Judge((DivergenceEvidence)null!));
    }

    [Theory]
    [InlineData(false, false, RunStatus.Running)]
    [InlineData(false, true, RunStatus.Finished)]
    [InlineData(true, false, RunStatus.Diverged)]
    [InlineData(true, true, RunStatus.Diverged)]
    public void The_status_follows_the_verdict(bool diverged, bool ended, RunStatus expected) =>
        Assert.Equal(expected, new DivergenceVerdict(diverged, null, "").Status(ended));
}
