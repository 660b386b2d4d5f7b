using System.Text.Json;

namespace Ramp.Cli.Tests.Faults;

/// <summary>
/// <c>ramp train --resume --extend-steps N</c> through the real binary: a finished run whose schedule is defined past
/// its end continues to N steps (config.json says N, the rows go on from the old end, and a kill during the extension
/// resumes to the same rows); a schedule that ends before N is refused in one line, and nothing in the folder changes.
/// </summary>
public sealed class ExtendStepsTests : IDisposable
{
    private const string Defined = "warmup(20) >> cosine(280)"; // ends at step 300
    private const string Ending = "warmup(20) >> cosine(80)"; // ends at step 100
    private readonly string _root = TempFile.Folder();
    private readonly string _data;

    public ExtendStepsTests() => _data = RealRamp.FashionMnist(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string[] Train(string schedule, long steps, string output) =>
    [
        "train", "--model", "mlp", "--data", "fashion-mnist", "--data-dir", _data, "--optimizer", "sgd", "--momentum", "0.9",
        "--lr", "0.05", "--schedule", schedule, "--steps", steps.ToString(), "--batch", "16", "--seed", "3",
        "--checkpoint-every", "20", "--read-back-every", "5", "--out", output,
    ];

    private static void Succeeds(RealRamp.Result run) => Assert.True(run.Code == 0, $"exit {run.Code}: {run.Err}");

    [Fact]
    public void A_finished_run_extends_to_the_new_length_and_a_killed_extension_resumes_to_the_same_rows()
    {
        var whole = Path.Combine(_root, "whole");
        var killed = Path.Combine(_root, "killed");
        var fresh = Path.Combine(_root, "fresh");
        Succeeds(RealRamp.Run(Train(Defined, 300, fresh)));
        Succeeds(RealRamp.Run(Train(Defined, 100, whole)));
        Succeeds(RealRamp.Run(Train(Defined, 100, killed)));
        var before = Rows(whole);

        var extended = RealRamp.Run("train", "--resume", "--out", whole, "--extend-steps", "300");
        var checkpoint = RealRamp.KillAfterCheckpoint(["train", "--resume", "--out", killed, "--extend-steps", "300"], killed, after: 100);
        var resumed = RealRamp.Run("train", "--resume", "--out", killed);

        Succeeds(extended);
        Assert.Contains("finished after 300 steps", extended.Out);
        Assert.Equal(300, Config(whole).GetProperty("steps").GetInt64());
        Assert.Equal(JsonValueKind.Null, Config(whole).GetProperty("epochs").ValueKind);
        var rows = Rows(whole);
        Assert.Equal(Enumerable.Range(0, 300).Select(s => s.ToString()), rows.Select(r => r[0]));
        Assert.Equal(before, rows[..100]);
        // The steps a schedule defines are trained as a run of that length from the start trains them, row for row.
        Assert.Equal(Rows(fresh), rows);
        Assert.InRange(checkpoint, 120, 280);
        Succeeds(resumed);
        Assert.Equal(300, Config(killed).GetProperty("steps").GetInt64());
        var again = Rows(killed);
        Assert.Equal(rows.Length, again.Length);
        for (var i = 0; i < rows.Length; i++)
            Assert.True(rows[i].SequenceEqual(again[i]), $"row {i}: uninterrupted {string.Join(",", rows[i])} but killed and resumed {string.Join(",", again[i])}");
    }

    [Fact]
    public void An_extension_past_the_schedules_end_is_refused_in_one_line_and_changes_nothing()
    {
        var run = Path.Combine(_root, "run");
        var peer = Path.Combine(_root, "peer");
        Succeeds(RealRamp.Run(Train(Ending, 100, run)));
        Succeeds(RealRamp.Run(Train("torch.optim.lr_scheduler.StepLR(step_size=5, gamma=0.5)", 10, peer)));
        var files = Snapshot(run);

        var past = RealRamp.Run("train", "--resume", "--out", run, "--extend-steps", "200");
        var shorter = RealRamp.Run("train", "--resume", "--out", run, "--extend-steps", "50");
        var noResume = RealRamp.Run("train", "--out", run, "--extend-steps", "200");
        var fromPeer = RealRamp.Run("train", "--resume", "--out", peer, "--extend-steps", "20");

        const string rule = "a run is extended only where its schedule gives each new step its own value (a schedule with no end, such as one ending in '>> constant()', or whose end is at or after the new length): train a new run with the longer schedule";
        Assert.Equal(2, past.Code);
        Assert.Equal([$"ramp: --extend-steps 200: \"{Ending}\" ends at step 100 and only holds its last value after it; {rule}"], past.ErrLines);
        Assert.Equal(DocQuote.Line("docs/run-folder.md", "ramp: --extend-steps"), past.ErrLines[0]);
        Assert.Equal(2, shorter.Code);
        Assert.Equal(["ramp: --extend-steps 50: the run already has 100 steps; give a length above it (the new total, not the steps to add)"], shorter.ErrLines);
        Assert.Equal(2, noResume.Code);
        Assert.Equal(["ramp: --extend-steps: continues the run in --out to more steps; add --resume"], noResume.ErrLines);
        Assert.Equal(2, fromPeer.Code);
        Assert.Equal([$"ramp: --extend-steps 20: \"StepLR(step_size=5, gamma=0.5)\" is a peer's schedule, whose end Ramp does not read from its arguments; {rule}"], fromPeer.ErrLines);
        Assert.Equal(files, Snapshot(run));
    }

    private static JsonElement Config(string run) => JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement;

    /// <summary>The rows of metrics.csv without the wall-clock column (the last one).</summary>
    private static string[][] Rows(string run) =>
        File.ReadAllLines(Path.Combine(run, "metrics.csv")).Skip(1).Select(l => l.Split(',')[..^1]).ToArray();

    // Every file of the folder but the lock's pid file, with its bytes.
    private static Dictionary<string, string> Snapshot(string run) =>
        Directory.GetFiles(run, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".pid", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(run, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
