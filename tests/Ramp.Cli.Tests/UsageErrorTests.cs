using System.CommandLine;
using Ramp.Cli.Cli;

namespace Ramp.Cli.Tests;

/// <summary>User mistakes give exit code 2 and one line on stderr; internal failures give 1.</summary>
public sealed class UsageErrorTests
{
    private const string StepLr = "torch.optim.lr_scheduler.StepLR(step_size=2)";

    [Theory]
    [InlineData("ramp: Unrecognized command or argument '--frobnicate' (see 'ramp lr --help')", "lr", StepLr, "--steps", "5", "--frobnicate")]
    [InlineData("ramp: --steps: 'ten' is not a whole number (see 'ramp lr --help')", "lr", StepLr, "--steps", "ten")]
    [InlineData("ramp: --steps: must be in [1, 100000000] but was -3 (see 'ramp lr --help')", "lr", StepLr, "--steps", "-3")]
    [InlineData("ramp: Option '--steps' is required (see 'ramp lr --help')", "lr", StepLr)]
    [InlineData("ramp: --base-lr: item 2 'x' of '0.1,x' is not a finite number (see 'ramp lr --help')", "lr", StepLr, "--steps", "5", "--base-lr", "0.1,x")]
    [InlineData("ramp: --output: 'chart.jpg' must end in .png or .svg (see 'ramp plot --help')", "plot", StepLr, "--steps", "5", "-o", "chart.jpg")]
    [InlineData("ramp: Unrecognized command or argument 'lrs'; did you mean 'lr'? (see 'ramp --help')", "lrs")]
    public void Wrong_argument_gives_exit_2_and_one_line(string expected, params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.Code);
        Assert.Equal([expected], run.ErrLines);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Bad_spec_names_the_column()
    {
        const string spec = "torch.optim.lr_scheduler.StepLR(step_size=3, gamma=)";

        var run = CliRun.Of("lr", spec, "--steps", "5");

        Assert.Equal(2, run.Code);
        var line = Assert.Single(run.ErrLines);
        // Quoted as typed, so the column counts into the quoted text.
        Assert.StartsWith($"ramp: spec \"{spec}\" at column {spec.IndexOf(')') + 1}: ", line);
    }

    [Fact]
    public void Spec_error_in_plot_is_reported_the_same_way()
    {
        var run = CliRun.Of("plot", "torch.optim.lr_scheduler.StepLR(", "--steps", "5", "-o", Path.Combine(TempFile.Folder(), "x.png"));

        Assert.Equal(2, run.Code);
        Assert.Equal("ramp: spec \"torch.optim.lr_scheduler.StepLR(\" at column 32: the '(' opened here is never closed: add ')'",
            Assert.Single(run.ErrLines));
    }

    [Fact]
    public void Internal_failure_gives_exit_1_and_one_line_without_stack_trace()
    {
        static Command Broken()
        {
            var command = new Command("broken", "Always fails.");
            command.SetAction(new Func<ParseResult, int>(_ => throw new InvalidOperationException("boom\nsecond line")));
            return command;
        }
        var root = CommandLineRunner.BuildRoot([Broken]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = CommandLineRunner.Run(root, ["broken"], stdout, stderr);

        Assert.Equal(1, code);
        Assert.Equal(
            "ramp: internal error: InvalidOperationException: boom second line (set RAMP_DEBUG=1 for details)",
            stderr.ToString().TrimEnd());
    }

    [Fact]
    public void Usage_exception_from_a_command_gives_exit_2()
    {
        static Command Picky()
        {
            var command = new Command("picky", "Rejects everything.");
            command.SetAction(new Func<ParseResult, int>(_ => throw new UsageException("picky: nothing is good enough")));
            return command;
        }
        var stderr = new StringWriter();

        var code = CommandLineRunner.Run(CommandLineRunner.BuildRoot([Picky]), ["picky"], new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.Equal("ramp: picky: nothing is good enough", stderr.ToString().TrimEnd());
    }
}
