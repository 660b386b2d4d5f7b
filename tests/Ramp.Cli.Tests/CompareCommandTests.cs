namespace Ramp.Cli.Tests;

/// <summary><c>ramp compare</c>: a tiny grid end to end (runs, summary.csv, report.html, resume), and one-line errors.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly string _dir = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string GridFile(string arms = """
        { "name": "none", "schedule": "cosine({steps})" },
        { "name": "warmup-{steps/4}", "schedule": "warmup({steps/4}) >> cosine({steps - steps/4})" }
        """)
    {
        var path = Path.Combine(_dir, "grid.json");
        File.WriteAllText(path, $$"""
            {
              "case_study": "tiny",
              "data": "fashion-mnist",
              "model": { "kind": "mlp", "hidden": [16] },
              "optimizer": { "name": "sgd", "momentum": 0.9 },
              "batch": 32,
              "steps": 12,
              "peaks": [0.05],
              "seeds": [1],
              "arms": [ {{arms}} ]
            }
            """);
        return path;
    }

    [Fact]
    public void A_tiny_grid_writes_runs_summary_and_report_and_a_second_call_reruns_nothing()
    {
        var outDir = Path.Combine(_dir, "cmp");
        var run = CliRun.Of("compare", "--grid-file", GridFile(), "--out", outDir, "--jobs", "1");
        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Equal(["tiny__none__lr0.05__s1", "tiny__warmup-3__lr0.05__s1"],
            Directory.GetDirectories(Path.Combine(outDir, "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, run.OutLines.Count(l => l.StartsWith('[') && l.Contains(": finished")));
        var csv = File.ReadAllLines(Path.Combine(outDir, "summary.csv"));
        Assert.StartsWith("scope,case_study,arm,peak_lr", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("cell,tiny,none,0.05,accuracy,1,"));
        Assert.Contains(csv, l => l.StartsWith("cell,tiny,warmup-3,0.05,accuracy,1,"));
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("warmup-3", html);
        Assert.Contains("ramp compare --grid-file", html);
        Assert.Contains($"wrote {Path.GetFullPath(Path.Combine(outDir, "report.html"))}", run.OutLines);

        var again = CliRun.Of("compare", "--grid-file", GridFile(), "--out", outDir, "--jobs", "1");
        Assert.Equal(0, again.Code);
        Assert.Equal(2, again.OutLines.Count(l => l.Contains(": already finished")));
    }

    [Fact]
    public void An_optional_arm_this_build_cannot_read_is_skipped_with_a_note()
    {
        var outDir = Path.Combine(_dir, "cmp");
        var run = CliRun.Of("compare", "--grid-file", GridFile("""
            { "name": "none", "schedule": "cosine({steps})" },
            { "name": "later", "schedule": "not_a_schedule_yet()", "optional": true }
            """), "--out", outDir, "--jobs", "1", "--shard", "0/1");
        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.StartsWith("note: tiny: arm 'later' skipped: this build cannot read \"not_a_schedule_yet()\"", run.OutLines[0]);
        Assert.Single(Directory.GetDirectories(Path.Combine(outDir, "runs")));
    }

    [Theory]
    [InlineData("ramp: compare: give exactly one of --preset NAME or --grid-file FILE.json", "--out", "x")]
    [InlineData("ramp: --shard: shard 2/2: need n >= 1 and 0 <= i < n", "--preset", "fmnist-sgd", "--shard", "2/2", "--out", "x")]
    [InlineData("ramp: --seeds: expected a list like 1,2,3 or a range like 1-5 but found 'a'", "--preset", "fmnist-sgd", "--seeds", "1,a", "--out", "x")]
    [InlineData("ramp: --grid readme: the readme grid exists only for fmnist-sgd and deep-mlp", "--preset", "char-transformer", "--grid", "readme", "--out", "x")]
    [InlineData("ramp: --jobs: must be at least 1 but was 0", "--preset", "fmnist-sgd", "--jobs", "0", "--out", "x")]
    public void Mistakes_are_one_line_and_exit_2(string expected, params string[] args)
    {
        var run = CliRun.Of(["compare", .. args]);
        Assert.Equal(2, run.Code);
        Assert.Equal([expected], run.ErrLines);
    }

    [Fact]
    public void A_grid_file_mistake_names_the_file_and_the_json_path()
    {
        var path = GridFile("""{ "name": "none", "schedule": 5 }""");
        var run = CliRun.Of("compare", "--grid-file", path, "--out", Path.Combine(_dir, "cmp"));
        Assert.Equal(2, run.Code);
        Assert.Equal([$"ramp: {path}: $.arms[0].schedule: expected a non-empty string but found 5"], run.ErrLines);
    }

    [Fact]
    public void A_schedule_mistake_names_the_arm()
    {
        var path = GridFile("""{ "name": "none", "schedule": "cosin({steps})" }""");
        var run = CliRun.Of("compare", "--grid-file", path, "--out", Path.Combine(_dir, "cmp"));
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"ramp: {path}: tiny, arm 'none': schedule \"cosin(12)\" at column 1: unknown schedule 'cosin'", Assert.Single(run.ErrLines));
    }

    [Fact]
    public void Workers_get_the_users_arguments_without_jobs()
    {
        var args = Ramp.Cli.Commands.CompareWorkers.WorkerArgs(["compare", "--preset", "fmnist-sgd", "--jobs", "4", "--out", "d", "--jobs=3"], 1, 2);
        Assert.Equal(["compare", "--preset", "fmnist-sgd", "--out", "d", "--jobs", "1", "--worker", "1/2"], args);
    }
}
