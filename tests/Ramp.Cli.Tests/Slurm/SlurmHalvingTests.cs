using Ramp.Cli.Tests.Examples;
using Ramp.Cli.Tests.Faults;
using Ramp.Runs;

namespace Ramp.Cli.Tests.Slurm;

/// <summary>
/// Successive halving rung by rung on a real Slurm (<see cref="SlurmCluster"/>): docs/jobs/compare-slurm-halving.sh,
/// run as a user runs it (with <c>ramp</c> on PATH, 2 tasks a rung and a small grid file as the study), submits one
/// array of docs/jobs/compare-slurm-rung.sh per rung, each after the one before (<c>afterok</c>), and <c>ramp report</c>
/// last; the study it leaves has the decisions (<c>halving.jsonl</c>) and the <c>summary.csv</c> of the same halving
/// run by one process (pinned to one CPU: one torch thread, as each worker of a task).
/// </summary>
public sealed class SlurmHalvingTests : IDisposable
{
    private const int Steps = 120;
    private const string Halving = "eta=3,min_steps=20";
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [SlurmFact]
    public void Rungs_submitted_with_dependencies_and_merged_by_report_equal_one_halving_process()
    {
        Assert.True(SlurmCluster.Why is null, SlurmCluster.Why);
        var grid = SlurmUser.TinyGrid(_root, Steps);
        var single = SlurmUser.OnOneCpu("compare", "--grid-file", grid, "--out", Path.Combine(_root, "single"), "--jobs", "1",
            "--halving", Halving);
        Assert.True(single.Code == 0, single.Err);
        var bin = SlurmUser.RampOnPath(_root);
        var submit = Path.Combine(ExampleCatalog.RepoRoot, "docs", "jobs", "compare-slurm-halving.sh");
        var user = Directory.CreateDirectory(Path.Combine(_root, "user")).FullName;
        var study = Path.Combine(user, "cmp", "halving");

        using var cluster = new SlurmCluster(Path.Combine(_root, "slurm"));
        var submitted = cluster.ClientIn(user, bin, "env", "TASKS=2", $"HALVING={Halving}", "bash", submit, "--grid-file", grid);
        Assert.True(submitted.Code == 0, $"{submitted.Out}\n{submitted.Err}");
        // none: rungs at 20 and 60 (3 peaks -> 1 -> 1); warmup: its warmup ends at step 29, rungs 29 and 87.
        Assert.Equal(["rung 1 of 3", "rung 2 of 3", "rung 3 of 3", "report"],
            submitted.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[0]));
        SlurmCluster.WaitFor(() => cluster.Client("squeue", "--noheader").Out.Trim().Length == 0, "every rung and the report", 1200);
        var logs = $"{SlurmUser.Outputs(study)}\n{cluster.Logs()}";

        Assert.True(File.Exists(Path.Combine(study, "summary.csv")), logs);
        Assert.Equal(File.ReadAllText(Path.Combine(_root, "single", HalvingLog.FileName)), File.ReadAllText(Path.Combine(study,
            HalvingLog.FileName)));
        Assert.Equal(File.ReadAllText(Path.Combine(_root, "single", "summary.csv")), File.ReadAllText(Path.Combine(study, "summary.csv")));
        // Each task's log opens with its rung and the survivors, then its shard's share.
        Assert.Contains("rung 2 of 3: 2 of 6 cells, 2 runs to step 60 / 87", logs, StringComparison.Ordinal);
        Assert.Contains("shard 1/2: 1 of its 2 runs into", logs, StringComparison.Ordinal);
        Assert.Contains("rung 3 of 3, shard 0/2: 1 of 1 runs done; the last rung", logs, StringComparison.Ordinal);
        // Every run trained each of its steps once: pruned ones to their rung, survivors resumed from it to the end.
        foreach (var d in HalvingLog.Read(study).Where(d => !d.Kept))
            Assert.Equal(Enumerable.Range(0, (int)d.Step).Select(s => (long)s), RealRamp.Steps(Path.Combine(study, "runs",
                $"tiny__{d.Arm}__lr{d.PeakLr.ToString(System.Globalization.CultureInfo.InvariantCulture)}__s1")));
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(study, "runs")).Count(f => RealRamp.Steps(f).Length == Steps));
    }
}
