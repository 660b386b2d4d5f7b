namespace Ramp.Cli.Tests.Faults;

/// <summary><c>ramp train --resume</c> takes the run's settings from its config.json and refuses typed settings that differ.</summary>
public sealed class ResumeSettingsTests : IDisposable
{
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Resume_alone_continues_with_the_runs_settings_and_differences_are_listed()
    {
        var run = Path.Combine(_root, "run");
        var first = RealRamp.Run("train", "--model", "mlp", "--data", "fashion-mnist", "--optimizer", "sgd", "--momentum", "0.9", "--lr", "0.1",
            "--steps", "20", "--batch", "8", "--read-back-every", "5", "--out", run);
        Assert.True(first.Code == 0, first.Err);
        var rows = File.ReadAllLines(Path.Combine(run, "metrics.csv")).Select(l => l[..l.LastIndexOf(',')]).ToArray();

        var differs = RealRamp.Run("train", "--resume", "--out", run, "--lr", "0.5", "--steps", "150", "--model", "cnn", "--momentum", "0.9", "--batch", "8");
        var alone = RealRamp.Run("train", "--resume", "--out", run);

        Assert.Equal(2, differs.Code);
        Assert.Equal([$"ramp: --resume: the command differs from the run in {run} (--model: the run has mlp, the command says cnn; --lr: the run has 0.1, the command says 0.5; --steps: the run has 20, the command says 150); drop these options to continue the run with its own settings"],
            differs.ErrLines);
        Assert.True(alone.Code == 0, alone.Err);
        Assert.Contains("finished after 20 steps", alone.Out);
        Assert.Equal(rows, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Select(l => l[..l.LastIndexOf(',')]).ToArray());
        Assert.Contains("\"lr\": 0.1,", File.ReadAllText(Path.Combine(run, "config.json")));
    }

    [Fact]
    public void The_differences_line_is_the_one_the_docs_quote()
    {
        var run = Path.Combine(_root, "a");
        Assert.Equal(0, RealRamp.Run("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "100", "--batch", "8", "--out", run).Code);

        var differs = RealRamp.Run("train", "--resume", "--out", run, "--lr", "0.5", "--steps", "150");

        Assert.Equal(2, differs.Code);
        Assert.Equal([DocQuote.Line("docs/run-folder.md", "ramp: --resume:").Replace("runs/a", run)], differs.ErrLines);
    }

    [Fact]
    public void Rows_without_a_checkpoint_are_trained_again_from_the_start()
    {
        var run = Path.Combine(_root, "run");
        Assert.Equal(0, RealRamp.Run("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "20", "--batch", "8", "--out", run).Code);
        var rows = File.ReadAllLines(Path.Combine(run, "metrics.csv")).Select(l => l[..l.LastIndexOf(',')]).ToArray();
        Directory.Delete(Path.Combine(run, "checkpoints"), recursive: true); // as a run killed before its first checkpoint has none

        var resumed = RealRamp.Run("train", "--resume", "--out", run);

        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.Equal([$"ramp: warning: {run} has rows but no checkpoint to resume from; training the run again from step 0 with its settings"], resumed.ErrLines);
        Assert.Equal(rows, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Select(l => l[..l.LastIndexOf(',')]).ToArray());
    }

    [Fact]
    public void A_new_run_still_needs_its_model_data_and_rate()
    {
        var run = RealRamp.Run("train", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "2", "--out", Path.Combine(_root, "new"));

        Assert.Equal(2, run.Code);
        Assert.Equal(["ramp: Option '--model' is required (see 'ramp train --help')"], run.ErrLines);
    }
}
