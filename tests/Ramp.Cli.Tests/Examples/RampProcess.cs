using System.Diagnostics;

namespace Ramp.Cli.Tests.Examples;

/// <summary>What one run of the built <c>ramp</c> binary gave, and where it ran.</summary>
public sealed record RampResult(IReadOnlyList<string> Args, string WorkDir, int Code, string Stdout, string Stderr)
{
    /// <summary>A path relative to the run's working folder.</summary>
    public string At(string relative) => Path.GetFullPath(Path.Combine(WorkDir, relative));
}

/// <summary>Runs the real built <c>ramp</c> (<c>dotnet exec ramp.dll</c>) in a working folder.</summary>
public static class RampProcess
{
    /// <summary>Runs <c>ramp</c> with <paramref name="args"/> in <paramref name="workDir"/> and waits for it to end.</summary>
    public static RampResult Run(IReadOnlyList<string> args, string workDir)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ramp.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new RampResult(args, workDir, process.ExitCode, stdout, stderr.Result);
    }
}
