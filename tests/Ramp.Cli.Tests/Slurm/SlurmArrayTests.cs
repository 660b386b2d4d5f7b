using Ramp.Cli.Tests.Examples;
using Ramp.Cli.Tests.Faults;

namespace Ramp.Cli.Tests.Slurm;

/// <summary>
/// docs/jobs/compare-slurm.sh on a real Slurm (a single-node cluster started by the test): the array submitted as a
/// user submits it (<c>sbatch --wait</c>, in the folder that holds <c>cmp/</c>, with <c>ramp</c> on PATH and a
/// small grid file as the study), its shards merged by <c>ramp report</c>, gives the <c>summary.csv</c> of the same
/// grid trained by one process (pinned to one CPU: one torch thread, as each worker of a task); and an array whose task is cancelled
/// mid-run and then resubmitted gives it too.
/// </summary>
public sealed class SlurmArrayTests : IDisposable
{
    private const int Steps = 300;
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [SlurmFact]
    public void The_documented_array_merged_by_report_equals_one_process_and_survives_a_cancelled_task()
    {
        Assert.True(SlurmCluster.Why is null, SlurmCluster.Why);
        var grid = SlurmUser.TinyGrid(_root, Steps);
        // One process on one CPU: one torch thread, as each worker of a task's --jobs 2 on its 2 CPUs.
        var single = SlurmUser.OnOneCpu("compare", "--grid-file", grid, "--out", Path.Combine(_root, "single"), "--jobs", "1");
        Assert.True(single.Code == 0, single.Err);
        var expected = File.ReadAllText(Path.Combine(_root, "single", "summary.csv"));
        var bin = SlurmUser.RampOnPath(_root);
        var job = Path.Combine(ExampleCatalog.RepoRoot, "docs", "jobs", "compare-slurm.sh");

        using var cluster = new SlurmCluster(Path.Combine(_root, "slurm"));
        // Whole: two array tasks, waited for.
        var whole = Study("whole");
        var submitted = cluster.ClientIn(whole, bin, "sbatch", "--wait", "--array=0-1", job, "--grid-file", grid);
        Assert.True(submitted.Code == 0, $"{submitted.Err}\n{Outputs(whole)}\n{cluster.Logs()}");
        Assert.Equal(expected, Merged(whole));

        // Cancelled: task 1 is cancelled once one of its runs has a checkpoint, then the same array is submitted again.
        var cancelled = Study("cancelled");
        var first = cluster.ClientIn(cancelled, bin, "sbatch", "--parsable", "--array=0-1", job, "--grid-file", grid);
        Assert.True(first.Code == 0, first.Err);
        var jobId = first.Out.Trim().Split(';')[0];
        var shard1 = Path.Combine(cancelled, "cmp", "study", "shard-1", "runs");
        SlurmCluster.WaitFor(() => Directory.Exists(shard1) && Directory.GetFiles(shard1, "latest.json",
            SearchOption.AllDirectories).Length > 0,
            "a checkpoint in task 1's runs", 600);
        Assert.Equal(0, cluster.Client("scancel", $"{jobId}_1").Code);
        SlurmCluster.WaitFor(() => cluster.Client("squeue", "--noheader", $"--jobs={jobId}").Out.Trim().Length == 0,
            "the array to leave the queue", 600);
        Assert.False(File.Exists(Path.Combine(cancelled, "cmp", "study", "shard-1", "summary.csv")), "task 1 was cancelled before its end");
        var again = cluster.ClientIn(cancelled, bin, "sbatch", "--wait", "--array=0-1", job, "--grid-file", grid);
        Assert.True(again.Code == 0, $"{again.Err}\n{Outputs(cancelled)}\n{cluster.Logs()}");
        Assert.Contains("resumed, finished", Outputs(cancelled), StringComparison.Ordinal);
        Assert.Equal(expected, Merged(cancelled));
        foreach (var folder in Directory.GetDirectories(shard1))
            Assert.Equal(Enumerable.Range(0, Steps).Select(s => (long)s), RealRamp.Steps(folder));
    }

    // The folder a user submits from: the job file writes cmp/study/ there and its log lines into it.
    private string Study(string name)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(folder, "cmp", "study"));
        return folder;
    }

    private static string Merged(string study)
    {
        var shards = Directory.GetDirectories(Path.Combine(study, "cmp", "study"), "shard-*").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, shards.Length);
        var all = Path.Combine(study, "cmp", "study", "all");
        var report = RealRamp.Run(["report", .. shards, "--out", all]);
        Assert.True(report.Code == 0, report.Err);
        return File.ReadAllText(Path.Combine(all, "summary.csv"));
    }

    private static string Outputs(string study) => SlurmUser.Outputs(Path.Combine(study, "cmp", "study"));
}
