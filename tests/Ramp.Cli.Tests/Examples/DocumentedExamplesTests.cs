namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// Every example of README.md, docs/*.md and <c>--help</c> runs through the built <c>ramp</c> and does what its
/// words say (<see cref="ExampleClaims"/>; how each is run: <see cref="ExamplePlan"/>). Examples whose planned command
/// lines differ only in their output paths run once and are judged by each one's words. Examples that train (train,
/// compare, find-lr, find-lr-bench, and report, which reads a comparison) take many minutes on 2 cores, so they run when
/// <c>RAMP_EXAMPLES=1</c> is set (<see cref="TrainingExamplesTheoryAttribute"/>); the others always run.
/// </summary>
public sealed class DocumentedExamplesTests
{
    public static TheoryData<string> Quick() => Keys(training: false);

    public static TheoryData<string> Training() => Keys(training: true);

    [Theory]
    [MemberData(nameof(Quick))]
    public void Example_runs_and_does_what_its_words_say(string key) => RunAndJudge(key);

    [TrainingExamplesTheory]
    [MemberData(nameof(Training))]
    public void Training_example_runs_and_does_what_its_words_say(string key) => RunAndJudge(key);

    private static void RunAndJudge(string key)
    {
        var group = Groups()[key];
        var plan = ExamplePlan.For(group[0]);
        var result = plan.Run();
        try
        {
            var broken = group.SelectMany(e => ExampleClaims.Broken(e with { Args = group[0].Args }, plan, result).Select(b => $"{e.Source}: {b}")).ToList();
            Assert.True(broken.Count == 0, $"ramp {string.Join(' ', plan.Args)}\n" + string.Join("\n", broken));
        }
        finally
        {
            Directory.Delete(result.WorkDir, recursive: true);
        }
    }

    [Fact]
    public void Catalog_finds_the_examples_of_every_page_and_every_command()
    {
        var sources = ExampleCatalog.Examples.Select(e => e.Source.Split(':')[0]).ToHashSet();

        Assert.Contains("README.md", sources);
        foreach (var doc in new[] { "docs/cli.md", "docs/schedules.md", "docs/compare.md", "docs/demo.md", "docs/report.md", "docs/find-lr.md", "docs/auto-warmup.md", "docs/training.md" })
            Assert.Contains(doc, sources);
        foreach (var create in Program.Commands)
            Assert.Contains($"ramp {create().Name} --help", sources);
        Assert.Contains(ExampleCatalog.Examples, e => e.Source.StartsWith("README.md", StringComparison.Ordinal) && e.Command == "train");
    }

    [Fact]
    public void Templates_left_out_are_only_syntax_lines()
    {
        foreach (var t in ExampleCatalog.Templates)
            Assert.Matches(@"[A-Z]{2,}|<\w|\[|\$\{|\.\.\.", t[t.IndexOf("ramp", StringComparison.Ordinal)..].Split('#')[0]);
    }

    [Fact]
    public void Shell_words_follow_quotes_comments_and_background()
    {
        var (words, comment) = ShellWords.Split("plot \"warmup(100) >> cosine(900)\" 'a b' --steps 10 -o lr.png &   # the # comment");

        Assert.Equal(["plot", "warmup(100) >> cosine(900)", "a b", "--steps", "10", "-o", "lr.png"], words);
        Assert.Equal("the # comment", comment);
    }

    [Fact]
    public void Stated_accuracy_is_read_from_the_example_line()
    {
        var e = new DocumentedExample("x", "train", ["train"], "reaches test accuracy 0.84 in a minute\nnext paragraph 0.99 accuracy");

        Assert.Equal(0.84, ExampleClaims.StatedAccuracy(e));
    }

    private static TheoryData<string> Keys(bool training)
    {
        var data = new TheoryData<string>();
        foreach (var (key, group) in Groups().Where(g => (g.Value[0].Command is "train" or "compare" or "find-lr" or "find-lr-bench" or "report") == training)) data.Add(key);
        return data;
    }

    private static Dictionary<string, List<DocumentedExample>> Groups() =>
        ExampleCatalog.Examples.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>The planned command line with its output paths blanked: examples equal but for those run once.</summary>
    private static string Key(DocumentedExample e)
    {
        var args = ExamplePlan.For(e).Args.Select(a => a.StartsWith(ExampleCatalog.RepoRoot, StringComparison.Ordinal)
            ? Path.GetRelativePath(ExampleCatalog.RepoRoot, a) : a).ToArray();
        for (var i = 1; i < args.Length - 1; i++)
            if (args[i] is "--out" or "-o" or "--output") args[i + 1] = "OUT" + Path.GetExtension(args[i + 1]);
        return string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
    }
}
