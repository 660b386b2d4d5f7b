namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// Every example of README.md, docs/*.md and <c>--help</c> that does not train runs through the built <c>ramp</c> and
/// does what its words say (<see cref="ExampleClaims"/>; how each is run: <see cref="ExamplePlan"/>); the examples that
/// train run in <see cref="TrainingExamplesTests"/>. Also: the catalog finds the examples of every page and command.
/// </summary>
public sealed class DocumentedExamplesTests
{
    public static TheoryData<string> Quick() => new(ExampleGroups.Keys(training: false));

    [Theory]
    [MemberData(nameof(Quick))]
    public void Example_runs_and_does_what_its_words_say(string key) =>
        Assert.Empty(ExampleGroups.BrokenPromises(key));

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
}
