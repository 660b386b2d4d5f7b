using System.Diagnostics;

namespace Ramp.Cli.Tests.Examples;

/// <summary>What one run of the built <c>ramp</c> binary gave, and where it ran.</summary>
public sealed record RampResult(IReadOnlyList<string> Args, string WorkDir, int Code, string Stdout, string Stderr)
{
    /// <summary>A path relative to the run's working folder.</summary>
    public string At(string relative) => Path.GetFullPath(Path.Combine(WorkDir, relative));
}

/// <summary>
/// Runs the real built <c>ramp</c> (<c>dotnet exec ramp.dll</c>) in a working folder, on one core: with one torch
/// thread (<c>OMP_NUM_THREADS=1</c>, and <c>DOTNET_PROCESSOR_COUNT=1</c>, which <c>compare</c> and <c>find-lr</c> read
/// to size theirs), so that two examples run side by side on 2 cores (<see cref="TrainingExamplesTests"/>). On the
/// small models of the examples a second intra-op thread adds little, and on a busy machine its spinning burned
/// about seven times the CPU of the work itself (docs/BENCHMARKS.md, "Documented examples").
/// </summary>
public static class RampProcess
{
    /// <summary>Runs <c>ramp</c> with <paramref name="args"/> in <paramref name="workDir"/> and waits for it to end.</summary>
    public static RampResult Run(IReadOnlyList<string> args, string workDir)
    {
        var info = StartInfo(args, workDir);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new RampResult(args, workDir, process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>
    /// Starts <c>ramp train</c> with <paramref name="args"/> in <paramref name="workDir"/>, kills it (SIGKILL) once
    /// <paramref name="output"/>'s first checkpoint is written, and returns that checkpoint's step. A run that ends
    /// first is an error: the example would resume nothing.
    /// </summary>
    public static long KillAfterCheckpoint(IReadOnlyList<string> args, string workDir, string output)
    {
        var info = StartInfo(args, workDir);
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var latest = Path.Combine(output, "checkpoints", "latest.json");
        // No deadline of its own: the run's own length bounds the wait (it either checkpoints or ends).
        while (!process.HasExited)
        {
            if (Step(latest) is { } step)
            {
                process.Kill();
                process.WaitForExit();
                return step;
            }
            Thread.Sleep(10);
        }
        throw new InvalidOperationException($"'ramp {string.Join(' ', args)}' ended (exit {process.ExitCode}) before it could be killed after a checkpoint");
    }

    private static long? Step(string latest)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(latest));
            return doc.RootElement.GetProperty("step").GetInt64();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> args, string workDir)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ramp.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        return info;
    }
}
