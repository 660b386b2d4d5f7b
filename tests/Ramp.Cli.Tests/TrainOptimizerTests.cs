using System.Globalization;

namespace Ramp.Cli.Tests;

/// <summary><c>ramp train --optimizer</c> with the warmup-free optimizers and <c>--gi</c> (docs/optimizers.md).</summary>
public sealed class TrainOptimizerTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "ramp-train-opt-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    [Theory]
    [InlineData("schedule-free-adamw", "0.01")]
    [InlineData("schedule-free-sgd", "0.5")]
    [InlineData("prodigy", "1")]
    [InlineData("stable-adamw", "0.01")]
    [InlineData("adamw", "0.01", "--gi")]
    public void Each_trains_with_a_schedule_and_lowers_the_loss(string optimizer, string lr, params string[] extra)
    {
        var run = CliRun.Of(["train", "--model", "mlp", "--data", "fashion-mnist", "--optimizer", optimizer, "--lr", lr, "--steps", "40",
            "--batch", "64", "--read-back-every", "10", "--schedule", "warmup(5) >> cosine(35)", "--out", _out, .. extra]);
        Assert.True(run.Code == 0, run.Err);
        var rows = File.ReadAllLines(Path.Combine(_out, "metrics.csv"));
        int column = Array.IndexOf(rows[0].Split(','), "loss");
        double Loss(string row) => double.Parse(row.Split(',')[column], CultureInfo.InvariantCulture);
        double first = rows.Skip(1).Take(5).Average(Loss), last = rows.Skip(rows.Length - 5).Average(Loss);
        Assert.True(last < first, $"{optimizer}: loss went from {first} to {last}");
    }

    [Theory]
    [InlineData("ramp: --gi: applies to --optimizer adam or adamw, not sgd", "--optimizer", "sgd", "--gi")]
    [InlineData("ramp: --momentum: only sgd, rmsprop and schedule-free-sgd take momentum, not prodigy", "--optimizer", "prodigy", "--momentum", "0.9")]
    public void A_misplaced_option_is_one_line_and_exit_2(string expected, params string[] extra)
    {
        var run = CliRun.Of(["train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "5", "--out", _out, .. extra]);
        Assert.Equal(2, run.Code);
        Assert.Equal([expected], run.ErrLines);
        Assert.False(Directory.Exists(_out));
    }
}
