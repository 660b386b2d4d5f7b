namespace Ramp.Cli.Tests;

/// <summary><c>ramp train --schedule "auto(...)"</c>: a short run logs the warmup's decisions; bad parameters are one line.</summary>
public sealed class TrainAutoTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "ramp-auto-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public void An_auto_schedule_trains_and_logs_its_decisions()
    {
        var run = CliRun.Of("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.5", "--momentum", "0.9", "--steps", "30",
            "--batch", "32", "--schedule", "auto(growth=1.3) >> cosine(100)", "--out", _out);
        Assert.True(run.Code == 0, run.Err);
        var events = File.ReadAllLines(Path.Combine(_out, "events.jsonl"));
        Assert.Contains(events, l => l.Contains("\"kind\":\"auto_warmup\"", StringComparison.Ordinal));
        Assert.Contains("schedule_step", File.ReadLines(Path.Combine(_out, "metrics.csv")).First());
        // What the warmup did, in words, on the console and in summary.json.
        var said = Assert.Single(run.OutLines, l => l.StartsWith("auto() ", StringComparison.Ordinal));
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "summary.json")));
        var auto = summary.RootElement.GetProperty("auto_warmup");
        Assert.Equal(said, auto.GetProperty("message").GetString());
        Assert.Equal(0.5, auto.GetProperty("requested_lr").GetDouble(), 12);
        Assert.Contains(auto.GetProperty("phase").GetString(), new[] { "done", "gave_up", "warming" });
    }

    [Fact]
    public void A_bad_auto_parameter_is_a_one_line_error()
    {
        var run = CliRun.Of("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.5", "--steps", "5",
            "--schedule", "auto(growth=0.9)", "--out", _out);
        Assert.Equal(2, run.Code);
        Assert.Equal(["ramp: spec \"auto(growth=0.9)\": auto warmup: Growth must be finite and > 1 but was 0.9"], run.ErrLines);
    }
}
