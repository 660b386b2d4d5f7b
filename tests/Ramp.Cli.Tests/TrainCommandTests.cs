using System.Text.Json;

namespace Ramp.Cli.Tests;

/// <summary><c>ramp train</c>: one-line errors for bad options; a short real run writes a complete run folder.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "ramp-train-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private string[] Args(params string[] extra) =>
        ["train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--out", _out, .. extra];

    [Theory]
    [InlineData("ramp: train: give exactly one of --steps N or --epochs E")]
    [InlineData("ramp: train: give exactly one of --steps N or --epochs E", "--steps", "5", "--epochs", "1")]
    [InlineData("ramp: --steps: must be at least 1 but was 0", "--steps", "0")]
    [InlineData("ramp: --momentum: must be in [0, 1) but was 1.5", "--steps", "5", "--momentum", "1.5")]
    [InlineData("ramp: clip: max norm must be a finite number > 0", "--steps", "5", "--clip", "-1")]
    [InlineData("ramp: agc: lambda must be a finite number > 0", "--steps", "5", "--agc", "0")]
    [InlineData("ramp: --eval-windows: must be a whole number >= 0 or 'all' but was '-3'", "--steps", "5", "--eval-windows", "-3")]
    [InlineData("ramp: --eval-windows: must be a whole number >= 0 or 'all' but was 'some'", "--steps", "5", "--eval-windows", "some")]
    public void Bad_options_give_exit_2_and_one_line(string expected, params string[] extra)
    {
        var run = CliRun.Of(Args(extra));
        Assert.Equal(2, run.Code);
        Assert.Equal([expected], run.ErrLines);
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public void Unknown_model_and_bad_spec_are_one_line_errors()
    {
        var model = CliRun.Of("train", "--model", "resnet", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "5", "--out", _out);
        Assert.Equal(2, model.Code);
        Assert.Single(model.ErrLines);
        Assert.Contains("resnet", model.Err);
        var mismatch = CliRun.Of("train", "--model", "transformer", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "5", "--out", _out);
        Assert.Equal(["ramp: --model transformer: does not fit --data fashion-mnist (transformer trains on text, the others on fashion-mnist)"], mismatch.ErrLines);
        var spec = CliRun.Of(Args("--steps", "5", "--schedule", "warmup(10) >> nosuch(5)"));
        Assert.Equal(2, spec.Code);
        Assert.Single(spec.ErrLines);
        Assert.Contains("nosuch", spec.Err);
    }

    [Theory]
    [InlineData("all", 0)]
    [InlineData("64", 64)]
    public void Eval_windows_is_recorded_and_a_language_model_is_evaluated_on_them(string given, int recorded)
    {
        var text = Path.Combine(_out + "-text.txt");
        File.WriteAllText(text, string.Concat(Enumerable.Range(0, 150).Select(i => $"line {i}: to be or not to be.\n")));
        try
        {
            var run = CliRun.Of("train", "--model", "transformer", "--data", "text", "--data-dir", text, "--optimizer", "adamw", "--lr", "0.003",
                "--steps", "2", "--batch", "8", "--eval-windows", given, "--out", _out);
            Assert.True(run.Code == 0, run.Err);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "summary.json")));
            Assert.Equal(recorded, summary.RootElement.GetProperty("config").GetProperty("eval_windows").GetInt32());
            Assert.True(double.IsFinite(summary.RootElement.GetProperty("final").GetProperty("eval_loss").GetDouble()));
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Fact]
    public void A_short_run_writes_the_folder_and_a_second_run_without_resume_is_refused()
    {
        var run = CliRun.Of(Args("--steps", "8", "--batch", "32", "--read-back-every", "4", "--schedule", "warmup(4) >> constant()"));
        Assert.True(run.Code == 0, run.Err);
        Assert.StartsWith("finished after 8 steps", run.OutLines[^1]);
        foreach (var file in new[] { "config.json", "metrics.csv", "metrics.jsonl", "events.jsonl", "summary.json", "checkpoints/latest.json" })
            Assert.True(File.Exists(Path.Combine(_out, file)) || file == "events.jsonl", file);
        Assert.Single(Directory.GetFiles(_out, "events.out.tfevents.*"));
        Assert.Equal(9, File.ReadAllLines(Path.Combine(_out, "metrics.csv")).Length);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "summary.json")));
        Assert.Equal("warmup(4) >> constant()", summary.RootElement.GetProperty("config").GetProperty("schedule").GetString());
        var again = CliRun.Of(Args("--steps", "8"));
        Assert.Equal(2, again.Code);
        Assert.Contains("--resume", Assert.Single(again.ErrLines));
    }

    [Fact]
    public void For_a_diverging_run_the_console_summary_json_and_the_reader_agree()
    {
        // SGD at lr 20 on the mlp blows up within a few steps; the run stops there.
        var run = CliRun.Of("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "20", "--out", _out, "--steps", "40", "--batch", "32", "--read-back-every", "4");
        Assert.True(run.Code == 0, run.Err);
        var folder = Ramp.Runs.RunFolderReader.Read(_out);
        var summary = folder.Summary!;
        Assert.Equal(Ramp.Runs.RunStatus.Diverged, summary.Status);
        Assert.True(summary.Diverged);
        Assert.StartsWith($"diverged (from step {summary.DivergedAt}) after {summary.Steps} steps", run.OutLines[^1]);
        var verdict = Ramp.Runs.Divergence.Judge(folder);
        Assert.Equal((summary.Diverged, summary.DivergedAt), (verdict.Diverged, verdict.At));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "summary.json")));
        Assert.Equal(("diverged", true), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("diverged").GetBoolean()));
    }
}
