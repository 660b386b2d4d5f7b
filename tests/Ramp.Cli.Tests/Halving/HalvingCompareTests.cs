using Ramp.Cli.Tests.Faults;
using Ramp.Runs;
using Ramp.Training.Runs;

namespace Ramp.Cli.Tests.Halving;

/// <summary>
/// <c>ramp compare --halving</c> with the real binary: the cells it keeps end exactly as in the full grid (continued
/// from their rung checkpoints), the pruned ones are listed as pruned in <c>halving.jsonl</c> and the report (not as
/// failures), the compute saved is stated, a halving study killed mid-way and run again ends the same, and the same
/// command without <c>--halving</c> completes the pruned runs into the full grid.
/// </summary>
public sealed class HalvingCompareTests : IDisposable
{
    internal const int Steps = 120;
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Survivors_end_as_in_the_full_grid_pruned_cells_are_reported_as_pruned_and_a_killed_study_resumes()
    {
        var grid = Grid();
        var full = RealRamp.Run("compare", "--grid-file", grid, "--out", Path.Combine(_root, "full"), "--jobs", "2");
        Assert.True(full.Code == 0, full.Err);
        string[] Halving(string output) => ["compare", "--grid-file", grid, "--out", output, "--jobs", "2", "--halving",
            "eta=2,min_steps=10"];
        var halvedDir = Path.Combine(_root, "halved");
        var halved = RealRamp.Run(Halving(halvedDir));
        Assert.True(halved.Code == 0, halved.Err);

        // none: rungs 10, 20, 40, 80 (4 peaks -> 2 -> 1 -> 1 -> 1); warmup-30: its warmup ends at step 29, rungs 29, 58, 116.
        Assert.Contains("rung 1 of 5: 8 of 8 cells, 8 runs to step 10 / 29", halved.Out, StringComparison.Ordinal);
        Assert.Contains("rung 2 of 5: 4 of 8 cells, 4 runs to step 20 / 58", halved.Out, StringComparison.Ordinal);
        Assert.Contains("halving: 2 of 8 cells trained to the end", halved.Out, StringComparison.Ordinal);
        var decisions = HalvingLog.Read(halvedDir);
        Assert.Equal(6, decisions.Count(d => !d.Kept));
        Assert.Equal([10L, 20, 40, 80, 29, 58, 116], decisions.Select(d => d.Step).Distinct());
        var kept = decisions.GroupBy(d => d.Arm).Select(a => a.Where(d => d.Kept).MaxBy(d => d.Rung)!).ToArray();
        Assert.Equal(2, kept.Length);

        // The survivors' final metrics (summary.csv's cell lines up to mean_final) equal the full grid's, to the last digit;
        // the columns after it measure against a target taken from all the runs of the report, which halving changes.
        string[] Cells(string dir) => [.. File.ReadAllLines(Path.Combine(dir, "summary.csv")).Where(l => l.StartsWith("cell,",
            StringComparison.Ordinal))
            .Select(l => string.Join(',', l.Split(',').Take(9)))];
        var fullCells = Cells(Path.Combine(_root, "full"));
        var halvedCells = Cells(halvedDir);
        Assert.Equal(2, halvedCells.Length);
        Assert.All(halvedCells, l => Assert.Contains(l, fullCells));
        foreach (var d in kept)
            Assert.Contains($"cell,tiny,{d.Arm},{d.PeakLr.ToString(System.Globalization.CultureInfo.InvariantCulture)},",
                string.Join('\n', halvedCells));

        // Pruned runs stop at their rung (a diverged one before it); the report lists them as pruned and states the steps.
        foreach (var d in decisions.Where(d => !d.Kept && !double.IsNaN(d.Value)))
        {
            var folder = Path.Combine(halvedDir, "runs",
                $"tiny__{d.Arm}__lr{d.PeakLr.ToString(System.Globalization.CultureInfo.InvariantCulture)}__s1");
            Assert.Equal(Enumerable.Range(0, (int)d.Step).Select(s => (long)s), RealRamp.Steps(folder));
            Assert.Equal("running", System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder,
                "summary.json"))).RootElement.GetProperty("status").GetString());
        }
        var trained = Directory.GetDirectories(Path.Combine(halvedDir, "runs")).Sum(f => RealRamp.Steps(f).Length);
        var html = File.ReadAllText(Path.Combine(halvedDir, "report.html"));
        Assert.Contains($"Trained {trained:N0} of the full grid&#39;s {8 * Steps:N0} steps", html, StringComparison.Ordinal);
        Assert.Contains("6 of 8 cells were pruned", html, StringComparison.Ordinal);
        Assert.Contains("data-chip=\"pruned\">6 pruned", html, StringComparison.Ordinal);
        Assert.Contains("data-chip=\"diverged\">0 diverged", html, StringComparison.Ordinal);

        // Killed once its first rung's decisions are written, then run again: the same decisions and summary.
        var killedDir = Path.Combine(_root, "killed");
        using (var study = RealRamp.Start(Halving(killedDir)))
        {
            RealRamp.WaitFor(() => HalvingLog.Read(killedDir).Count > 0, "the first rung's decisions", study);
            study.Kill();
            study.WaitForExit();
        }
        foreach (var folder in Directory.GetDirectories(Path.Combine(killedDir, "runs")))
            using (RunLock.Acquire(folder, wait: TimeSpan.FromMinutes(2))) { }
        var rerun = RealRamp.Run(Halving(killedDir));
        Assert.True(rerun.Code == 0, rerun.Err);
        Assert.Equal(decisions, HalvingLog.Read(killedDir));
        Assert.Equal(File.ReadAllText(Path.Combine(halvedDir, "summary.csv")), File.ReadAllText(Path.Combine(killedDir, "summary.csv")));

        // The same command without --halving continues the pruned runs from their rungs: the full grid's summary, nothing pruned.
        var completed = RealRamp.Run("compare", "--grid-file", grid, "--out", halvedDir, "--jobs", "2");
        Assert.True(completed.Code == 0, completed.Err);
        Assert.Equal(6, completed.Out.Split('\n').Count(l => l.Contains(": resumed, ", StringComparison.Ordinal)) + decisions.Count(d
            => !d.Kept && double.IsNaN(d.Value)));
        Assert.False(File.Exists(Path.Combine(halvedDir, HalvingLog.FileName)));
        Assert.Equal(File.ReadAllText(Path.Combine(_root, "full", "summary.csv")), File.ReadAllText(Path.Combine(halvedDir,
            "summary.csv")));
    }

    [Theory]
    [InlineData("--halving: eta must be a whole number from 2 to 100 but was '1'", "--halving", "eta=1,min_steps=10")]
    [InlineData("--halving: expected eta=N,min_steps=N (e.g. eta=3,min_steps=100) but found 'eta'", "--halving", "eta")]
    [InlineData("--halving: with --shard 0/2 give --rung k too: a rung compares every cell of an arm, so the shards run one rung " +
        "at a time in one shared --out (docs/jobs/compare-slurm-halving.sh)", "--halving", "eta=3,min_steps=10", "--shard", "0/2")]
    [InlineData("--rung 1: needs --halving eta=N,min_steps=N (a rung is a stage of successive halving)", "--rung", "1", "--shard", "0/2")]
    [InlineData("--force: cannot be combined with --rung 1: the tasks of a rung share --out, and one would discard the runs of the others",
        "--halving", "eta=3,min_steps=10", "--rung", "1", "--force")]
    [InlineData("--rung 5: this study has 4 rungs with --halving eta=3,min_steps=10 (1 to 4; --plan lists them)",
        "--halving", "eta=3,min_steps=10", "--rung", "5", "--shard", "1/2")]
    [InlineData("--rung 0: this study has 4 rungs with --halving eta=3,min_steps=10 (1 to 4; --plan lists them)",
        "--halving", "eta=3,min_steps=10", "--rung", "0")]
    public void Bad_halving_options_are_one_line_and_exit_2(string expected, params string[] extra)
    {
        var run = CliRun.Of(["compare", "--grid-file", Grid(), "--out", Path.Combine(_root, "bad"), .. extra]);
        Assert.Equal(2, run.Code);
        Assert.Equal([$"ramp: {expected}"], run.ErrLines);
        Assert.False(Directory.Exists(Path.Combine(_root, "bad")));
    }

    private string Grid() => WriteGrid(_root);

    /// <summary>Writes the grid of these tests into <paramref name="folder"/>: two arms, four peaks (the lowest learn slowly, the
    /// highest fail, so the rungs have something to decide).</summary>
    internal static string WriteGrid(string folder)
    {
        var path = Path.Combine(folder, "grid.json");
        File.WriteAllText(path, $$"""
            {
              "case_study": "tiny",
              "data": "fashion-mnist",
              "model": { "kind": "mlp", "hidden": [16] },
              "optimizer": { "name": "sgd", "momentum": 0.9 },
              "batch": 32,
              "steps": {{Steps}},
              "peaks": [0.01, 0.05, 0.2, 0.8],
              "seeds": [1],
              "arms": [ { "name": "none", "schedule": "cosine({steps})" }, { "name": "warmup-30",
                  "schedule": "warmup(30) >> cosine({steps - 30})" } ]
            }
            """);
        return path;
    }
}
