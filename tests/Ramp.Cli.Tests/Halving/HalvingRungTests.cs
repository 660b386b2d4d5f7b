using Ramp.Cli.Tests.Faults;
using Ramp.Runs;

namespace Ramp.Cli.Tests.Halving;

/// <summary>
/// <c>ramp compare --halving ... --rung k --shard i/n</c>, the rung-by-rung form that Slurm arrays run
/// (docs/jobs/compare-slurm-halving.sh; on a real Slurm: Slurm/SlurmHalvingTests.cs): <c>--plan</c> lists the rungs and
/// creates nothing; the shards of each rung, started together so that both try to decide it, write one set of decisions,
/// and the study ends with the decisions and summary of one halving process; a rung's recorded decision is followed,
/// not decided again; a rung started before the one before it is complete is refused and creates nothing.
/// </summary>
public sealed class HalvingRungTests : IDisposable
{
    private const string Settings = "eta=3,min_steps=10";
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Plan_lists_each_rung_and_creates_nothing()
    {
        var study = Path.Combine(_root, "study");
        var grid = HalvingCompareTests.WriteGrid(_root);
        var run = CliRun.Of("compare", "--grid-file", grid, "--out", study, "--halving", Settings, "--plan");

        Assert.True(run.Code == 0, run.Err);
        // none: rungs 10, 30, 90 (4 peaks -> 2 -> 1 -> 1); warmup-30: its warmup ends at step 29, rungs 29 and 87, then the end.
        Assert.Equal([
            "rung 1 of 4: 8 of 8 cells, 8 runs to step 10 / 29",
            "rung 2 of 4: 4 of 8 cells, 4 runs to step 30 / 87",
            "rung 3 of 4: 2 of 8 cells, 2 runs to step 90 / 120",
            "rung 4 of 4: 2 of 8 cells, 2 runs to step 120 (the end)"], run.OutLines);
        Assert.False(Directory.Exists(study));
    }

    [Fact]
    public async Task Racing_shards_rung_by_rung_decide_once_and_end_as_one_process_and_a_recorded_decision_is_followed()
    {
        var grid = HalvingCompareTests.WriteGrid(_root);
        var one = Path.Combine(_root, "one");
        var single = RealRamp.Run("compare", "--grid-file", grid, "--out", one, "--jobs", "1", "--halving", Settings);
        Assert.True(single.Code == 0, single.Err);

        var study = Path.Combine(_root, "study");
        string[] Rung(string dir, int k, string shard) =>
            ["compare", "--grid-file", grid, "--out", dir, "--jobs", "1", "--halving", Settings, "--rung", $"{k}", "--shard", shard];
        var early = RealRamp.Run(Rung(study, 2, "0/2"));
        Assert.Equal(2, early.Code);
        Assert.StartsWith($"ramp: --rung 2: rung 1 is not complete in {study}: 8 of its 8 runs have not reached their step", early.Err,
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(study));

        var tampered = Path.Combine(_root, "tampered");
        for (var k = 1; k <= 4; k++)
        {
            var rung = k;
            var shards = await Task.WhenAll(new[] { "0/2", "1/2" }.Select(s => Task.Run(() => RealRamp.Run(Rung(study, rung, s)))));
            foreach (var s in shards) Assert.True(s.Code == 0, s.Err);
            Assert.Contains($"rung {k} of 4: ", shards[1].Out, StringComparison.Ordinal);
            if (k == 1) CopyFolder(study, tampered);
        }
        var merged = RealRamp.Run("report", study);
        Assert.True(merged.Code == 0, merged.Err);
        Assert.Equal(File.ReadAllText(Path.Combine(one, HalvingLog.FileName)), File.ReadAllText(Path.Combine(study, HalvingLog.FileName)));
        Assert.Equal(File.ReadAllText(Path.Combine(one, "summary.csv")), File.ReadAllText(Path.Combine(study, "summary.csv")));

        // A log that keeps the worst cells of rung 1 instead: rung 2 trains what it says, and leaves it as it was.
        var decided = HalvingLog.Read(study).Where(d => d.Rung == 0).ToArray();
        var reversed = decided.Select(d => d with { Kept = d.Place > d.Cells - d.Keep }).ToArray();
        HalvingLog.Write(tampered, reversed);
        var written = File.ReadAllText(Path.Combine(tampered, HalvingLog.FileName));
        var followed = RealRamp.Run(Rung(tampered, 2, "0/1"));
        Assert.True(followed.Code == 0, followed.Err);
        Assert.Equal(written, File.ReadAllText(Path.Combine(tampered, HalvingLog.FileName)));
        foreach (var d in reversed)
        {
            var steps = RealRamp.Steps(Path.Combine(tampered, "runs",
                $"tiny__{d.Arm}__lr{d.PeakLr.ToString(System.Globalization.CultureInfo.InvariantCulture)}__s1")).Length;
            Assert.True(d.Kept ? steps > d.Step : steps == d.Step, $"{d.Arm} {d.PeakLr}: kept {d.Kept}, {steps} steps after rung 2");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            if (!RunLockName(file)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    private static bool RunLockName(string file) => Ramp.Training.Runs.RunLock.IsLockFile(Path.GetFileName(file));
}
