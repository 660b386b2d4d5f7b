using System.Globalization;
using System.Text.Json;

namespace Ramp.Cli.Tests;

/// <summary>
/// <c>ramp train --optimizer</c> with the warmup-free optimizers and <c>--gi</c> (docs/optimizers.md): each trains with
/// a schedule and every guard, resumes from a checkpoint to the same rows as the uninterrupted run, and
/// <c>ramp report</c> reads its folder.
/// </summary>
public sealed class TrainOptimizerTests : IDisposable
{
    private const int Steps = 40;
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static string[] Train(string optimizer, string lr, string schedule, string output, string[] extra) =>
    [
        "train", "--model", "mlp", "--data", "fashion-mnist", "--optimizer", optimizer, "--lr", lr, "--schedule", schedule,
        "--steps", Steps.ToString(CultureInfo.InvariantCulture), "--batch", "32", "--seed", "3", "--zclip", "--skip-spikes", "--rollback",
        "--checkpoint-every", "10", "--eval-every", "20", "--read-back-every", "5", "--detail-every", "5", "--out", output, .. extra,
    ];

    [Theory]
    [InlineData("schedule-free-adamw", "0.01")]
    [InlineData("schedule-free-sgd", "0.5")]
    [InlineData("prodigy", "1")]
    [InlineData("stable-adamw", "0.01")]
    [InlineData("adamw", "0.01", "--gi")]
    public void Each_trains_with_a_schedule_and_the_guards_resumes_exactly_and_is_reported(string optimizer, string lr, params string[] extra)
    {
        var whole = Path.Combine(_root, "runs", optimizer);
        var args = Train(optimizer, lr, "warmup(5) >> cosine(35)", whole, extra);
        var run = CliRun.Of(args);

        Assert.True(run.Code == 0, run.Err);
        using (var summary = Json(whole, "summary.json"))
            Assert.Equal("finished", summary.RootElement.GetProperty("status").GetString());
        using (var config = Json(whole, "config.json"))
        {
            Assert.Equal(optimizer, config.RootElement.GetProperty("optimizer").GetString());
            var settings = config.RootElement.GetProperty("optimizer_settings");
            Assert.Equal(optimizer, settings.GetProperty("name").GetString());
            Assert.Equal(extra.Contains("--gi"), settings.TryGetProperty("gradient_init", out var gi) && gi.GetBoolean());
        }
        var rows = Rows(whole);
        Assert.Equal(Steps, rows.Length);
        var loss = Array.IndexOf(File.ReadLines(Path.Combine(whole, "metrics.csv")).First().Split(','), "loss");
        double Mean(IEnumerable<string[]> some) => some.Average(r => double.Parse(r[loss], CultureInfo.InvariantCulture));
        double first = Mean(rows.Take(5)), last = Mean(rows.TakeLast(5));
        Assert.True(last < first, $"{optimizer}: loss went from {first} to {last}");

        // The folder as a kill after step 35 leaves it: the checkpoint of step 30 is the latest, rows up to 34 read
        // back, no final checkpoint or summary. Resumed, it must write the uninterrupted run's rows.
        var cut = Path.Combine(_root, "resumed", optimizer);
        CopyFolder(whole, cut);
        Rewind(cut, checkpoint: 30, rowsKept: 35);
        var resumed = CliRun.Of([.. Train(optimizer, lr, "warmup(5) >> cosine(35)", cut, extra), "--resume"]);
        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.Equal(rows.Select(r => string.Join(",", r)), Rows(cut).Select(r => string.Join(",", r)));

        var report = CliRun.Of("report", _root);
        Assert.True(report.Code == 0, report.Err);
        var cells = File.ReadAllLines(Path.Combine(_root, "summary.csv"));
        Assert.Contains(cells, c => c.StartsWith($"cell,,{optimizer},", StringComparison.Ordinal));
        var html = File.ReadAllText(Path.Combine(_root, "report.html"));
        Assert.Contains(optimizer, html);
        Assert.Equal(extra.Contains("--gi"), html.Contains("gradient init", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("schedule-free-adamw", "0.01")]
    [InlineData("schedule-free-sgd", "0.5")]
    [InlineData("prodigy", "1")]
    [InlineData("stable-adamw", "0.01")]
    [InlineData("adamw", "0.01", "--gi")]
    public void Each_trains_under_a_peer_schedule_that_cycles_momentum(string optimizer, string lr, params string[] extra)
    {
        // OneCycleLR cycles the momentum (beta1 for the Adam family, the interpolation for Schedule-Free) with the rate.
        var output = Path.Combine(_root, optimizer);
        var run = CliRun.Of(Train(optimizer, lr, $"torch.optim.lr_scheduler.OneCycleLR(max_lr={lr}, total_steps={Steps})", output, extra));

        Assert.True(run.Code == 0, run.Err);
        var header = File.ReadLines(Path.Combine(output, "metrics.csv")).First().Split(',');
        var momentum = Array.IndexOf(header, "momentum");
        Assert.True(momentum >= 0, $"no momentum column in {string.Join(",", header)}");
        var values = Rows(output).Select(r => double.Parse(r[momentum], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0.95, values[0], 12); // OneCycleLR's max_momentum at the start, its base_momentum 0.85 at the peak
        Assert.True(values.Min() < 0.86, $"{optimizer}: momentum never came down: {string.Join(", ", values)}");
    }

    [Theory]
    [InlineData("ramp: --gi: applies to --optimizer adam or adamw, not sgd", "--optimizer", "sgd", "--gi")]
    [InlineData("ramp: --gi: applies to --optimizer adam or adamw, not schedule-free-adamw", "--optimizer", "schedule-free-adamw", "--gi")]
    [InlineData("ramp: --momentum: only sgd, rmsprop and schedule-free-sgd take momentum, not prodigy", "--optimizer", "prodigy", "--momentum", "0.9")]
    public void A_misplaced_option_is_one_line_and_exit_2(string expected, params string[] extra)
    {
        var output = Path.Combine(_root, "refused");
        var run = CliRun.Of(["train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "5", "--out", output, .. extra]);
        Assert.Equal(2, run.Code);
        Assert.Equal([expected], run.ErrLines);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    // --resume takes the run's settings from config.json; a typed one that differs is listed (TrainResume).
    [InlineData("sgd --momentum 0.9", "adamw", "the command differs from the run in {0} (--optimizer: the run has sgd, the command says adamw); drop these options to continue the run with its own settings")]
    [InlineData("sgd --momentum 0.9", "sgd --momentum 0.5", "the command differs from the run in {0} (--momentum: the run has 0.9, the command says 0.5); drop these options to continue the run with its own settings")]
    [InlineData("adamw", "adamw --gi", "the command differs from the run in {0} (--gi: the run has off, the command says on); drop these options to continue the run with its own settings")]
    [InlineData("prodigy", "stable-adamw", "the command differs from the run in {0} (--optimizer: the run has prodigy, the command says stable-adamw); drop these options to continue the run with its own settings")]
    public void Resuming_with_another_optimizer_or_setting_is_one_line_and_exit_2(string trained, string resumed, string expected)
    {
        var output = Path.Combine(_root, "run");
        string[] Args(string optimizer) =>
            ["train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.01", "--steps", "4", "--read-back-every", "2", "--out", output,
             "--optimizer", .. optimizer.Split(' ')];
        var first = CliRun.Of(Args(trained));
        Assert.True(first.Code == 0, first.Err);
        var rows = File.ReadAllLines(Path.Combine(output, "metrics.csv"));

        var run = CliRun.Of([.. Args(resumed), "--resume"]);

        Assert.Equal(2, run.Code);
        Assert.Equal(["ramp: --resume: " + string.Format(CultureInfo.InvariantCulture, expected, output)], run.ErrLines);
        Assert.Equal(rows, File.ReadAllLines(Path.Combine(output, "metrics.csv")));
    }

    /// <summary>metrics.csv's rows without the wall-clock column (the last).</summary>
    private static string[][] Rows(string run) =>
        [.. File.ReadLines(Path.Combine(run, "metrics.csv")).Skip(1).Select(l => l.Split(',')[..^1])];

    private static JsonDocument Json(string run, string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(run, file)));

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Rewind(string run, int checkpoint, int rowsKept)
    {
        var checkpoints = Path.Combine(run, "checkpoints");
        foreach (var file in Directory.GetFiles(checkpoints, $"*-{Steps}.*")) File.Delete(file);
        File.Copy(Path.Combine(checkpoints, $"checkpoint-{checkpoint}.json"), Path.Combine(checkpoints, "latest.json"), overwrite: true);
        File.Delete(Path.Combine(run, "summary.json"));
        foreach (var (file, header) in new[] { ("metrics.csv", 1), ("metrics.jsonl", 0) })
        {
            var path = Path.Combine(run, file);
            File.WriteAllLines(path, File.ReadLines(path).Take(header + rowsKept).ToArray());
        }
    }
}
