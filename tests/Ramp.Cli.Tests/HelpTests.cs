namespace Ramp.Cli.Tests;

/// <summary><c>--help</c> on every command shows usage and examples; <c>--version</c> prints the version.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> CommandNames()
    {
        var data = new TheoryData<string>();
        foreach (var create in Program.Commands) data.Add(create().Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Every_command_help_shows_examples_of_itself(string name)
    {
        var run = CliRun.Of(name, "--help");

        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        Assert.Contains($"ramp {name}", run.Out);
        var examples = run.Out[run.Out.IndexOf("Examples:", StringComparison.Ordinal)..];
        // "ramp doctor" takes no arguments, so its example is the bare command.
        Assert.Matches($"(?m)^  ramp {name}( |$)", examples);
    }

    [Fact]
    public void Root_help_lists_the_commands_and_examples()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.Code);
        Assert.Contains("lr <SPEC>", run.Out);
        Assert.Contains("plot <SPEC>", run.Out);
        Assert.Contains("Examples:", run.Out);
    }

    [Fact]
    public void Lr_help_documents_its_options()
    {
        var run = CliRun.Of("lr", "-h");

        Assert.Contains("--steps <N> (REQUIRED)", run.Out);
        Assert.Contains("--base-lr <A[,B,...]>", run.Out);
        Assert.Contains("--metrics <FILE>", run.Out);
    }

    [Fact]
    public void Version_prints_the_assembly_version()
    {
        var run = CliRun.Of("--version");

        Assert.Equal(0, run.Code);
        Assert.StartsWith("0.1.0", run.Out);
    }
}
