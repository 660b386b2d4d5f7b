using System.Diagnostics;
using Ramp.Training.Runs;

namespace Ramp.Cli.Tests.Faults;

/// <summary>
/// <c>ramp compare --jobs 2</c> killed with SIGKILL at random moments: its workers end by themselves (their run folders'
/// locks come free), and running the same command again after each kill ends with the same <c>summary.csv</c> as an
/// uninterrupted study, every run's steps once each.
/// </summary>
public sealed class KilledStudyTests : IDisposable
{
    private const int Steps = 100;
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_study_killed_at_random_moments_and_rerun_gives_the_uninterrupted_summary()
    {
        var grid = Grid();
        var whole = Path.Combine(_root, "whole");
        var killed = Path.Combine(_root, "killed");
        var clock = Stopwatch.StartNew();
        var uninterrupted = RealRamp.Run(Args(grid, whole));
        var duration = clock.Elapsed;
        Assert.True(uninterrupted.Code == 0, uninterrupted.Err);

        var random = new Random(20261202);
        for (var kill = 0; kill < 3; kill++)
        {
            using (var study = RealRamp.Start(Args(grid, killed)))
            {
                Thread.Sleep(TimeSpan.FromSeconds(random.NextDouble() * duration.TotalSeconds));
                if (!study.HasExited) study.Kill(); // SIGKILL to the parent only, as kill -9 does
                study.WaitForExit();
            }
            // Every worker notices its parent is gone and exits, releasing its run folder. On a busy machine a worker
            // may wait for a core before it reads end-of-file, so the bound scales with the measured study.
            var runs = Path.Combine(killed, "runs");
            foreach (var folder in Directory.Exists(runs) ? Directory.GetDirectories(runs) : [])
                using (RunLock.Acquire(folder, wait: TimeSpan.FromMinutes(1) + duration)) { }
        }
        var rerun = RealRamp.Run(Args(grid, killed));
        Assert.True(rerun.Code == 0, rerun.Err);

        Assert.Equal(File.ReadAllText(Path.Combine(whole, "summary.csv")), File.ReadAllText(Path.Combine(killed, "summary.csv")));
        foreach (var folder in Directory.GetDirectories(Path.Combine(killed, "runs")))
            Assert.Equal(Enumerable.Range(0, Steps).Select(s => (long)s), RealRamp.Steps(folder));
    }

    private string[] Args(string grid, string output) => ["compare", "--grid-file", grid, "--out", output, "--jobs", "2"];

    private string Grid()
    {
        var path = Path.Combine(_root, "grid.json");
        File.WriteAllText(path, $$"""
            {
              "case_study": "tiny",
              "data": "fashion-mnist",
              "model": { "kind": "mlp", "hidden": [8] },
              "optimizer": { "name": "sgd", "momentum": 0.9 },
              "batch": 16,
              "steps": {{Steps}},
              "peaks": [0.05],
              "seeds": [1],
              "arms": [ { "name": "none", "schedule": "cosine({steps})" }, { "name": "warmup", "schedule": "warmup(20) >> cosine(80)" } ]
            }
            """);
        return path;
    }
}
