using System.Diagnostics;

namespace Ramp.Cli.Tests;

/// <summary>The real <c>ramp</c> binary (not only <see cref="Program.Run"/>) keeps the exit-code contract.</summary>
public sealed class BinaryTests
{
    [Fact]
    public void Binary_prints_version_and_exits_0()
    {
        var (code, stdout, stderr) = Ramp("--version");

        Assert.Equal(0, code);
        Assert.StartsWith("0.1.0", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Binary_reports_a_user_mistake_on_one_line_with_exit_2()
    {
        var (code, stdout, stderr) = Ramp("lr", "x", "--steps", "nope");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("ramp: --steps: 'nope' is not a whole number (see 'ramp lr --help')", stderr.TrimEnd());
    }

    private static (int Code, string Stdout, string Stderr) Ramp(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ramp.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderrTask.Result);
    }
}
