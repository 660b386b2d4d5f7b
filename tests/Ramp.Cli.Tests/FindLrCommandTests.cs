using System.Text.Json;

namespace Ramp.Cli.Tests;

/// <summary><c>ramp find-lr</c> on the shipped data: suggestions inside the ramp, files written; one-line errors.</summary>
public sealed class FindLrCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "ramp-findlr-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public void A_range_test_on_the_shipped_data_suggests_rates_inside_the_ramp_and_writes_its_files()
    {
        var run = CliRun.Of("find-lr", "--model", "mlp", "--data", "fashion-mnist", "--momentum", "0.9", "--steps", "60",
            "--start-lr", "1e-4", "--end-lr", "10", "--cold-start-steps", "8", "--out", _out);
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains(run.OutLines, l => l.StartsWith("recommended: peak lr ", StringComparison.Ordinal));
        foreach (var file in new[] { "find-lr.json", "find-lr.csv", "find-lr.png", "find-lr.svg" })
            Assert.True(File.Exists(Path.Combine(_out, file)), file);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "find-lr.json")));
        var root = json.RootElement;
        var valley = root.GetProperty("suggestions").EnumerateArray().Single(s => s.GetProperty("rule").GetString() == "valley");
        Assert.InRange(valley.GetProperty("lr").GetDouble(), 1e-4, 10);
        var peak = root.GetProperty("recommendation").GetProperty("peak_lr").GetDouble();
        Assert.InRange(peak, 1e-4, 10);
        var cold = root.GetProperty("cold_start");
        Assert.Equal(8, cold.GetProperty("trial_steps").GetInt32());
        Assert.NotEmpty(cold.GetProperty("trials").EnumerateArray());
        var csv = File.ReadAllLines(Path.Combine(_out, "find-lr.csv"));
        Assert.Equal("iteration,lr,loss,smoothed_loss", csv[0]);
        Assert.Equal(root.GetProperty("range_test").GetProperty("points").GetInt32() + 1, csv.Length);
    }

    [Fact]
    public void Validate_trains_the_recommendation_next_to_half_and_twice_its_peak_and_says_whether_it_held()
    {
        var run = CliRun.Of("find-lr", "--model", "mlp", "--data", "fashion-mnist", "--momentum", "0.9", "--steps", "40",
            "--start-lr", "1e-4", "--end-lr", "10", "--cold-start-steps", "4", "--total-steps", "20", "--validate", "--out", _out);
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains(run.OutLines, l => l.StartsWith("  why:", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("  try: ramp train --model mlp --data fashion-mnist", StringComparison.Ordinal));
        var verdict = Assert.Single(run.OutLines, l => l.StartsWith("validate: held", StringComparison.Ordinal) || l.StartsWith("validate: did not hold", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "find-lr.json")));
        var v = json.RootElement.GetProperty("validate");
        Assert.Equal(20, v.GetProperty("steps").GetInt64());
        var peaks = v.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("peak_lr").GetDouble()).ToArray();
        var peak = json.RootElement.GetProperty("recommendation").GetProperty("peak_lr").GetDouble();
        Assert.Equal([peak / 2, peak, peak * 2], peaks);
        Assert.Equal(verdict.StartsWith("validate: held", StringComparison.Ordinal), v.GetProperty("held").GetBoolean());
        // The search's cost: the range test's steps plus at least one cold-start trial.
        Assert.True(json.RootElement.GetProperty("search_steps").GetInt64() > json.RootElement.GetProperty("range_test").GetProperty("points").GetInt64());
    }

    [Theory]
    [InlineData("ramp: --end-lr: range test: end lr must be finite and > start lr (0.1) but was 0.01", "--start-lr", "0.1", "--end-lr", "0.01")]
    [InlineData("ramp: --steps: range test: iterations must be >= 2 but was 1", "--steps", "1")]
    [InlineData("ramp: --cold-start-steps: must be at least 0 but was -1", "--cold-start-steps", "-1")]
    public void Bad_options_give_exit_2_and_one_line(string expected, params string[] extra)
    {
        var run = CliRun.Of(["find-lr", "--model", "mlp", "--data", "fashion-mnist", "--out", _out, .. extra]);
        Assert.Equal(2, run.Code);
        Assert.Equal([expected], run.ErrLines);
    }
}
