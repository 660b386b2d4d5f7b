namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// How an example is run: as written, in a fresh working folder (so its relative <c>--out</c> and <c>-o</c> paths
/// land there), with the repository's own files for inputs. Three mechanical rules, the only changes made:
/// <list type="number">
/// <item><c>compare</c> on a grid bigger than a <c>readme</c> grid runs one shard of 4096 (<c>--shard i/4096</c>, i as
/// given or 0: one cell, every grid having fewer), since a smoke or full grid takes minutes to hours; the claim checked
/// is that the grid runs and writes its report, not the case study's figures (those are docs/CASE_STUDIES.md's
/// measurements).</item>
/// <item>An example that reads what another command writes gets it first: <c>ramp report DIR...</c> reads a
/// comparison made by <c>ramp compare --preset fmnist-sgd --grid readme --shard k/2 --out DIR</c>, and
/// <c>train --resume --out D</c> continues the run that the documented <c>train ... --out D</c> example starts, run
/// with <c>--checkpoint-every</c> a quarter of its steps and killed (SIGKILL) once its first checkpoint is written
/// and before its end: the run a user resumes.</item>
/// <item>An input file the repository does not have is taken from the docs: <c>my-grid.json</c> is the grid shown
/// in docs/compare.md.</item>
/// <item><c>find-lr-bench</c> (the hidden command behind docs/find-lr.md's table, an hour for all six rows) measures
/// one row: the <c>--cases</c> given, else the first case of its <c>--help</c> example (<see cref="BenchCase"/>);
/// the claim checked is that it writes that row of the table, not the table's figures.</item>
/// </list>
/// Examples whose planned command lines are equal but for their output paths run once.
/// </summary>
public sealed record ExamplePlan(IReadOnlyList<string> Args, string? StdoutTo, IReadOnlyList<IReadOnlyList<string>> Before, IReadOnlyDictionary<string, string> Files, bool Sharded)
{
    /// <summary>The last prerequisite is a training run killed after its first checkpoint (for <c>--resume</c>).</summary>
    public bool Interrupted { get; init; }

    /// <summary>The step of the checkpoint the interrupted prerequisite was killed after (set by <see cref="Run"/>).</summary>
    public long? KilledAt { get; private set; }

    /// <summary>Shards a big grid's comparison is cut into.</summary>
    public const int Shards = 4096;

    /// <summary>The one row <c>find-lr-bench</c> measures when the example names none (its <c>--help</c> example's).</summary>
    public const string BenchCase = "mlp-sgd-m0.9";

    /// <summary>The plan of <paramref name="example"/>.</summary>
    public static ExamplePlan For(DocumentedExample example)
    {
        var args = example.Args.ToList();
        var before = new List<IReadOnlyList<string>>();
        var files = new Dictionary<string, string>();
        var sharded = false;
        for (var i = 1; i < args.Count - 1; i++)
            if (args[i] is "--grid-file" or "--data-dir" or "--metrics")
            {
                var inRepo = Path.Combine(ExampleCatalog.RepoRoot, args[i + 1]);
                if (File.Exists(inRepo) || Directory.Exists(inRepo)) args[i + 1] = inRepo;
                else if (Path.GetFileName(args[i + 1]) == "my-grid.json") files[args[i + 1]] = DocJson("docs/compare.md");
            }
        switch (example.Command)
        {
            case "compare" when example.Option("--grid") != "readme":
                var at = args.IndexOf("--shard");
                var index = at >= 0 ? int.Parse(args[at + 1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (at >= 0) args.RemoveRange(at, 2);
                args.AddRange(["--shard", $"{index % Shards}/{Shards}"]);
                sharded = true;
                break;
            case "report":
                var dirs = args.Skip(1).TakeWhile(a => !a.StartsWith('-')).ToList();
                for (var k = 0; k < dirs.Count; k++)
                    before.Add(["compare", "--preset", "fmnist-sgd", "--grid", "readme", "--shard", $"{k % 2}/2", "--out", dirs[k]]);
                break;
            case "find-lr-bench" when !example.Has("--cases"):
                args.AddRange(["--cases", BenchCase]);
                break;
            case "train" when example.Has("--resume"):
                var started = ExampleCatalog.Examples.FirstOrDefault(x => x.Command == "train" && !x.Has("--resume") && x.Option("--out") == example.Option("--out"))
                    ?? throw new InvalidOperationException($"{example}: no documented 'ramp train ... --out {example.Option("--out")}' starts the run it resumes");
                var steps = long.Parse(started.Option("--steps")!, System.Globalization.CultureInfo.InvariantCulture);
                before.Add([.. started.Args, "--checkpoint-every", Math.Max(1, steps / 4).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                return new ExamplePlan(args, example.StdoutTo, before, files, sharded) { Interrupted = true };
        }
        return new ExamplePlan(args, example.StdoutTo, before, files, sharded);
    }

    /// <summary>Runs the plan in a fresh temporary folder; the prerequisites must succeed.</summary>
    public RampResult Run()
    {
        var dir = Directory.CreateTempSubdirectory("ramp-example-").FullName;
        foreach (var (name, text) in Files) File.WriteAllText(Path.Combine(dir, name), text);
        // Outputs written into folders (-o docs/images/x.png) need the folder, as they do in a clone.
        for (var i = 1; i < Args.Count - 1; i++)
            if (Args[i] is "-o" or "--output" && Path.GetDirectoryName(Args[i + 1]) is { Length: > 0 } parent)
                Directory.CreateDirectory(Path.Combine(dir, parent));
        foreach (var b in Before)
        {
            if (Interrupted && ReferenceEquals(b, Before[^1]))
            {
                var output = Path.Combine(dir, b[b.ToList().IndexOf("--out") + 1]);
                KilledAt = RampProcess.KillAfterCheckpoint(b, dir, output);
                continue;
            }
            var pre = RampProcess.Run(b, dir);
            if (pre.Code != 0) throw new InvalidOperationException($"prerequisite 'ramp {string.Join(' ', b)}' failed ({pre.Code}): {pre.Stderr}");
        }
        var result = RampProcess.Run(Args, dir);
        if (StdoutTo is not null) File.WriteAllText(Path.Combine(dir, StdoutTo), result.Stdout);
        return result;
    }

    /// <summary>The first <c>```json</c> block of a document.</summary>
    private static string DocJson(string doc)
    {
        var text = File.ReadAllText(Path.Combine(ExampleCatalog.RepoRoot, doc));
        var start = text.IndexOf("```json\n", StringComparison.Ordinal) + 8;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
