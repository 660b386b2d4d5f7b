namespace Ramp.Cli.Tests.Faults;

/// <summary>
/// A finished 40-step run keeps its checkpoints of steps 30 and 40. Each file of the latest one truncated, zeroed,
/// replaced by random bytes, deleted or taken from another model: <c>--resume</c> names the file in one warning line,
/// falls back to step 30, redoes 10 steps, and ends with the same rows as before. With no intact checkpoint left it
/// names the file in one line and exits 2 without touching metrics.csv. Never an abort, a stack trace or exit 1.
/// </summary>
[Collection(Name)]
public sealed class DamagedCheckpointTests
{
    /// <summary>The collection sharing <see cref="Runs"/> (trained once for both test classes).</summary>
    public const string Name = "checkpoint runs";

    /// <summary>A finished mlp run and a finished cnn run (the other model), written once for all cases.</summary>
    public sealed class Runs : IDisposable
    {
        public string Root { get; } = TempFile.Folder();

        public string Mlp => Path.Combine(Root, "mlp");

        public string Cnn => Path.Combine(Root, "cnn");

        public Runs()
        {
            foreach (var (model, folder) in new[] { ("mlp", Mlp), ("cnn", Cnn) })
            {
                var run = RealRamp.Run(Args(model, folder));
                Assert.True(run.Code == 0, run.Err);
            }
        }

        public void Dispose()
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>Shares one <see cref="Runs"/> between the classes of the collection.</summary>
    [CollectionDefinition(Name)]
    public sealed class RunsCollection : ICollectionFixture<Runs>;

    private readonly Runs _runs;

    public DamagedCheckpointTests(Runs runs) => _runs = runs;

    private static string[] Args(string model, string folder) =>
        ["train", "--model", model, "--data", "fashion-mnist", "--lr", "0.05", "--steps", "40", "--batch", "16", "--seed", "3",
         "--checkpoint-every", "10", "--read-back-every", "5", "--out", folder];

    // Every file and damage is checked in-process by CheckpointMatrixTests; these go through the real binary.
    [Theory]
    [InlineData("model-40.bin", "other-model")]
    [InlineData("optimizer-40.bin", "truncated")]
    [InlineData("rng-40.bin", "random")]
    public void A_damaged_latest_checkpoint_falls_back_to_the_previous_one(string file, string damage)
    {
        var run = Copy($"{file}-{damage}");
        var before = Rows(run);
        var path = Path.Combine(run, "checkpoints", file);
        Damage(path, damage, Path.Combine(_runs.Cnn, "checkpoints", file));

        var resumed = RealRamp.Run([.. Args("mlp", run), "--resume"]);

        Assert.True(resumed.Code == 0, resumed.Err);
        var warning = Assert.Single(resumed.ErrLines);
        Assert.StartsWith($"ramp: warning: {path}: ", warning);
        Assert.EndsWith("; resuming from the checkpoint of step 30 instead (10 steps are redone)", warning);
        Assert.Equal(before, Rows(run));
    }

    [Theory]
    [InlineData("truncated")]
    public void A_damaged_index_falls_back_to_its_copy_or_the_previous_checkpoint(string damage)
    {
        var run = Copy($"latest-{damage}");
        var before = Rows(run);
        var latest = Path.Combine(run, "checkpoints", "latest.json");
        Damage(latest, damage, Path.Combine(_runs.Cnn, "checkpoints", "latest.json"));

        var resumed = RealRamp.Run([.. Args("mlp", run), "--resume"]);

        Assert.True(resumed.Code == 0, resumed.Err);
        var warning = Assert.Single(resumed.ErrLines);
        Assert.StartsWith("ramp: warning: ", warning);
        Assert.Contains(damage == "other-model" ? "model-40.bin" : "latest.json", warning);
        Assert.Equal(before, Rows(run));
    }

    [Fact]
    public void With_no_intact_checkpoint_the_file_is_named_and_nothing_is_written()
    {
        var run = Copy("none-intact");
        var metrics = File.ReadAllBytes(Path.Combine(run, "metrics.csv"));
        Damage(Path.Combine(run, "checkpoints", "model-40.bin"), "random", "");
        Damage(Path.Combine(run, "checkpoints", "rng-30.bin"), "truncated", "");

        var resumed = RealRamp.Run([.. Args("mlp", run), "--resume"]);

        Assert.Equal(2, resumed.Code);
        Assert.Equal([$"ramp: --resume: {Path.Combine(run, "checkpoints", "model-40.bin")}: its SHA-256 differs from the one written with it (altered, or a file of another run); no older checkpoint is intact either"],
            resumed.ErrLines);
        Assert.Equal(metrics, File.ReadAllBytes(Path.Combine(run, "metrics.csv")));
    }

    internal string Copy(string name) => Copy(_runs, name);

    internal static string Copy(Runs runs, string name)
    {
        var to = Path.Combine(runs.Root, "cases", name.Replace('.', '_'));
        foreach (var file in Directory.GetFiles(runs.Mlp, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(runs.Mlp, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Assert.True(File.Exists(Path.Combine(to, "checkpoints", "model-30.bin")), "the previous checkpoint is kept");
        Assert.False(File.Exists(Path.Combine(to, "checkpoints", "model-20.bin")), "only two checkpoints are kept");
        return to;
    }

    internal static void Damage(string path, string damage, string other)
    {
        var length = (int)new FileInfo(path).Length;
        switch (damage)
        {
            case "truncated": File.WriteAllBytes(path, File.ReadAllBytes(path)[..(length / 2)]); break;
            case "zeroed": File.WriteAllBytes(path, new byte[length]); break;
            case "random":
                var bytes = new byte[length];
                new Random(length).NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
            case "deleted": File.Delete(path); break;
            default: File.Copy(other, path, overwrite: true); break;
        }
    }

    /// <summary>metrics.csv without the wall-clock column.</summary>
    private static string[] Rows(string run) =>
        File.ReadAllLines(Path.Combine(run, "metrics.csv")).Select(l => string.Join(',', l.Split(',')[..^1])).ToArray();
}
