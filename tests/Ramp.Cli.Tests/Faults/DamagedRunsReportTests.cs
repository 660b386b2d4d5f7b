namespace Ramp.Cli.Tests.Faults;

/// <summary><c>ramp report</c> over run folders that two writers or a disk fault damaged: one line naming the file, exit 2.</summary>
public sealed class DamagedRunsReportTests : IDisposable
{
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string FinishedRun()
    {
        var run = Path.Combine(_root, "cmp", "runs", "a");
        var train = RealRamp.Run("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.05", "--steps", "30", "--batch", "16",
            "--read-back-every", "5", "--out", run);
        Assert.True(train.Code == 0, train.Err);
        return run;
    }

    [Fact]
    public void Duplicated_rows_are_named_with_their_line()
    {
        var run = FinishedRun();
        foreach (var (file, header) in new[] { ("metrics.csv", 1), ("metrics.jsonl", 0) })
        {
            var lines = File.ReadAllLines(Path.Combine(run, file));
            File.WriteAllLines(Path.Combine(run, file), [.. lines, .. lines.Skip(header + 20)]); // steps 20..29 written a second time
        }

        var report = RealRamp.Run("report", Path.Combine(_root, "cmp"));

        Assert.Equal(2, report.Code);
        var line = Assert.Single(report.ErrLines);
        Assert.StartsWith("ramp: ", line);
        Assert.Contains("metrics.jsonl: step 20 follows step 29: rows repeat", line);
    }

    [Fact]
    public void A_torn_config_is_named()
    {
        var run = FinishedRun();
        var config = Path.Combine(run, "config.json");
        File.WriteAllText(config, File.ReadAllText(config)[..40]);

        var report = RealRamp.Run("report", Path.Combine(_root, "cmp"));

        Assert.Equal(2, report.Code);
        var line = Assert.Single(report.ErrLines);
        Assert.Matches("^ramp: .*config.json.*", line);
        Assert.DoesNotContain("internal error", line);
    }

    [Fact]
    public void A_target_no_run_can_reach_is_refused()
    {
        FinishedRun();
        var cmp = Path.Combine(_root, "cmp");

        var two = RealRamp.Run("report", cmp, "--target", "2");
        var nan = RealRamp.Run("report", cmp, "--target", "nan");

        Assert.Equal(2, two.Code);
        Assert.Equal(["ramp: --target 2: the runs are measured by accuracy, which lies in [0, 1]"], two.ErrLines);
        Assert.Equal(2, nan.Code);
        Assert.Equal(["ramp: --target: must be a finite number but was NaN"], nan.ErrLines);
        Assert.False(File.Exists(Path.Combine(cmp, "summary.csv")), "nothing was written");
    }

    [Fact]
    public void A_stable_rate_outside_zero_to_one_is_refused()
    {
        FinishedRun();
        var cmp = Path.Combine(_root, "cmp");

        var nan = RealRamp.Run("report", cmp, "--stable-rate", "nan");
        var big = RealRamp.Run("report", cmp, "--stable-rate", "1.5");

        Assert.Equal(2, nan.Code);
        Assert.Equal(["ramp: --stable-rate must be in [0, 1] but was NaN (see 'ramp report --help')"], nan.ErrLines);
        Assert.Equal(2, big.Code);
        Assert.Equal(["ramp: --stable-rate must be in [0, 1] but was 1.5 (see 'ramp report --help')"], big.ErrLines);
        Assert.False(File.Exists(Path.Combine(cmp, "summary.csv")), "nothing was written");
    }
}
