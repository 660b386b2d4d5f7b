namespace Ramp.Cli.Tests.Faults;

/// <summary>
/// Bad paths and bad data through the real binary: each is one line on stderr naming the option and the file, exit 2,
/// before any run data is written.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string[] TrainText(string data, string output) =>
        ["train", "--model", "transformer", "--data", "text", "--data-dir", data, "--lr", "0.001", "--steps", "2", "--batch", "4", "--out", output];

    private static void AssertOneLine(RealRamp.Result run, string expected)
    {
        Assert.Equal(2, run.Code);
        Assert.Equal([expected], run.ErrLines);
    }

    private static void AssertPrefix(RealRamp.Result run, string prefix)
    {
        Assert.Equal(2, run.Code);
        Assert.StartsWith(prefix, Assert.Single(run.ErrLines));
    }

    [Fact]
    public void Text_input_that_is_not_usable_text_is_refused_naming_the_file()
    {
        var random = new byte[20_000];
        new Random(9).NextBytes(random);
        var nul = "To be, or not to be"u8.ToArray().Concat(new byte[] { 0 }).Concat("that is the question"u8.ToArray()).ToArray();
        var tiny = File("tiny.txt", "hello"u8.ToArray());
        var output = Path.Combine(_root, "out");

        AssertPrefix(RealRamp.Run(TrainText(File("random.bin", random), output)), $"ramp: --data-dir {Path.Combine(_root, "random.bin")}: not UTF-8 text (an invalid byte sequence at byte ");
        AssertOneLine(RealRamp.Run(TrainText(File("nul.txt", nul), output)), $"ramp: --data-dir {Path.Combine(_root, "nul.txt")}: binary data, not text (a NUL character at character 19)");
        AssertOneLine(RealRamp.Run(TrainText(tiny, output)), $"ramp: --data-dir {tiny}: 5 characters are too few for a training window of 64 and a test split: need at least 137");
        AssertOneLine(RealRamp.Run(TrainText(_root, output)), $"ramp: --data-dir {_root}: is a folder; expected a file");
        AssertOneLine(RealRamp.Run(TrainText(Path.Combine(_root, "none.txt"), output)), $"ramp: --data-dir {Path.Combine(_root, "none.txt")}: no such file");
        Assert.False(Directory.Exists(output), "nothing was written");
    }

    [Fact]
    public void A_utf16_file_with_a_byte_order_mark_is_read_as_text()
    {
        var text = string.Concat(Enumerable.Repeat("Shall I compare thee to a summer's day? Thou art more lovely and more temperate.\n", 8));
        var path = File("utf16.txt", [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)]);

        var corpus = Ramp.Training.Data.TextCorpus.FromFile(path);

        Assert.Equal(text.Length, corpus.Tokens.Count);
        Assert.Equal(text.Distinct().Count(), corpus.Vocabulary.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Truncated_and_random_idx_files_are_refused_naming_the_file(bool gzipped)
    {
        var data = RealRamp.FashionMnist(_root);
        var gz = Path.Combine(data, "train-images-idx3-ubyte.gz");
        var images = gzipped ? gz : Path.Combine(data, "train-images-idx3-ubyte");
        if (!gzipped)
        {
            using (var input = new System.IO.Compression.GZipStream(System.IO.File.OpenRead(gz), System.IO.Compression.CompressionMode.Decompress))
            using (var plain = System.IO.File.Create(images))
                input.CopyTo(plain);
            System.IO.File.Delete(gz);
        }
        var bytes = System.IO.File.ReadAllBytes(images);
        string[] train = ["train", "--model", "mlp", "--data", "fashion-mnist", "--data-dir", data, "--lr", "0.1", "--steps", "2", "--out", Path.Combine(_root, "out")];

        System.IO.File.WriteAllBytes(images, bytes[..(bytes.Length / 3)]);
        var truncated = RealRamp.Run(train);
        new Random(4).NextBytes(bytes);
        System.IO.File.WriteAllBytes(images, bytes);
        var random = RealRamp.Run(train);

        AssertPrefix(truncated, $"ramp: --data-dir {images}: truncated: header says 8000 images of 28x28 (6272000 bytes) but only ");
        AssertPrefix(random, $"ramp: --data-dir {images}: ");
        Assert.Contains("not an IDX", random.ErrLines[0]);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")), "nothing was written");
    }

    [Fact]
    public void A_path_with_a_name_over_255_bytes_is_refused_before_any_work()
    {
        var name = new string('a', 300);
        var output = Path.Combine(_root, name);

        AssertOneLine(RealRamp.Run("demo", "quadratic", "--out", output), $"ramp: --out {output}: not a valid path: a name of 300 bytes; at most 255 are allowed");
        AssertOneLine(RealRamp.Run("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "2", "--out", Path.Combine(output, "run")),
            $"ramp: --out {Path.Combine(output, "run")}: not a valid path: a name of 300 bytes; at most 255 are allowed");
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Impossible_output_paths_are_refused_before_any_work()
    {
        var file = File("afile", "x"u8.ToArray());
        var grid = File("grid.json", "{}"u8.ToArray());
        var under = Path.Combine(file, "run");

        AssertOneLine(RealRamp.Run("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "2", "--out", under),
            $"ramp: --out {under}: '{file}' is a file, not a folder");
        AssertOneLine(RealRamp.Run("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "2", "--out", file),
            $"ramp: --out {file}: is a file, not a folder");
        AssertOneLine(RealRamp.Run("find-lr", "--model", "mlp", "--data", "fashion-mnist", "--out", under),
            $"ramp: --out {under}: '{file}' is a file, not a folder");
        AssertOneLine(RealRamp.Run("demo", "quadratic", "--out", under), $"ramp: --out {under}: '{file}' is a file, not a folder");
        AssertOneLine(RealRamp.Run("compare", "--preset", "deep-mlp", "--grid", "readme", "--out", under), $"ramp: --out {under}: '{file}' is a file, not a folder");
        AssertOneLine(RealRamp.Run("compare", "--grid-file", Path.Combine(_root, "none.json"), "--out", Path.Combine(_root, "c")),
            $"ramp: --grid-file {Path.Combine(_root, "none.json")}: no such file");
        // /proc refuses new files even to root, like a read-only mount.
        AssertPrefix(RealRamp.Run("compare", "--grid-file", grid, "--out", "/proc/ramp-test/cmp"), "ramp: --out /proc/ramp-test/cmp: cannot write in this folder ('/proc'): ");
        AssertPrefix(RealRamp.Run("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "2", "--out", "/proc/ramp-test"),
            "ramp: --out /proc/ramp-test: cannot write in this folder ('/proc'): ");
        AssertOneLine(RealRamp.Run("report", Path.Combine(_root, "nothing")), $"ramp: DIR {Path.Combine(_root, "nothing")}: no such folder");
    }

    [Fact]
    public void Finished_results_are_not_overwritten_without_force()
    {
        var demo = Path.Combine(_root, "demo");
        Assert.Equal(0, RealRamp.Run("demo", "quadratic", "--out", demo).Code);
        var html = System.IO.File.ReadAllBytes(Path.Combine(demo, "index.html"));

        AssertOneLine(RealRamp.Run("demo", "quadratic", "--out", demo),
            $"ramp: --out {demo}: already holds a demo (index.html); add --force to replace it or choose another folder");
        Assert.Equal(html, System.IO.File.ReadAllBytes(Path.Combine(demo, "index.html")));
        Assert.Equal(0, RealRamp.Run("demo", "quadratic", "--out", demo, "--force").Code);

        var run = Path.Combine(_root, "run");
        string[] train = ["train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "3", "--batch", "8", "--out", run];
        Assert.Equal(0, RealRamp.Run(train).Code);
        var rows = System.IO.File.ReadAllText(Path.Combine(run, "metrics.csv"));
        AssertOneLine(RealRamp.Run(train), $"ramp: --out {run}: already holds a run; add --resume to continue it, --force to replace it, or choose another folder");
        Assert.Equal(rows, System.IO.File.ReadAllText(Path.Combine(run, "metrics.csv")));
        Assert.Equal(0, RealRamp.Run([.. train, "--force"]).Code);
        Assert.Equal(3, RealRamp.Steps(run).Length);
    }
}
