using System.Diagnostics;
using Ramp.Training.Data;

namespace Ramp.Cli.Tests.Faults;

/// <summary>The real <c>ramp</c> binary (<c>dotnet exec ramp.dll</c>) run as a user runs it, and the files it needs.</summary>
public static class RealRamp
{
    /// <summary>How a finished process ended: exit code, standard output, standard error.</summary>
    public sealed record Result(int Code, string Out, string Err)
    {
        /// <summary>Non-empty lines of standard error.</summary>
        public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Start information for <c>ramp</c> with <paramref name="args"/>, output redirected.</summary>
    public static ProcessStartInfo Info(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ramp.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>Runs <c>ramp</c> to its end.</summary>
    public static Result Run(params string[] args)
    {
        using var process = Process.Start(Info(args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>Starts <c>ramp</c> in the background; its output is read and dropped so it never blocks on a full pipe.</summary>
    public static Process Start(params string[] args)
    {
        var process = Process.Start(Info(args))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Waits (polling) until <paramref name="condition"/> holds. Fails when <paramref name="process"/>, whose work the
    /// condition waits for, ends first; the bound of <paramref name="seconds"/> only keeps a hung run from hanging the
    /// test (a busy machine makes runs slow, not wrong).
    /// </summary>
    public static void WaitFor(Func<bool> condition, string what, Process? process = null, double seconds = 1800)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (process is { HasExited: true } && !condition()) throw new InvalidOperationException($"the process ended (exit {process.ExitCode}) before {what}");
            if (clock.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"waited {seconds} s for {what}");
            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// Starts <c>ramp</c> with <paramref name="args"/> and kills it (SIGKILL) as soon as <paramref name="output"/>'s
    /// <c>checkpoints/latest.json</c> names a step above <paramref name="after"/>; returns that step. No deadline of its
    /// own (a busy machine only makes the run slower): the run either writes that checkpoint or ends, which fails.
    /// </summary>
    public static long KillAfterCheckpoint(string[] args, string output, long after)
    {
        using var process = Start(args);
        var latest = Path.Combine(output, "checkpoints", "latest.json");
        while (!process.HasExited)
        {
            if (CheckpointStep(latest) is { } step && step > after)
            {
                process.Kill();
                process.WaitForExit();
                return step;
            }
            Thread.Sleep(10);
        }
        throw new InvalidOperationException($"'ramp {string.Join(' ', args)}' ended (exit {process.ExitCode}) before a checkpoint past step {after}");
    }

    private static long? CheckpointStep(string latest)
    {
        try
        {
            using var index = System.Text.Json.JsonDocument.Parse(File.ReadAllText(latest));
            return index.RootElement.GetProperty("step").GetInt64();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The shipped Fashion-MNIST subset written out under the standard IDX names into <paramref name="root"/>/data.</summary>
    public static string FashionMnist(string root)
    {
        var folder = Path.Combine(root, "data");
        Directory.CreateDirectory(folder);
        foreach (var name in ShippedData.Names.Where(n => n.StartsWith("fashion-", StringComparison.Ordinal)))
            File.WriteAllBytes(Path.Combine(folder, name["fashion-".Length..]), ShippedData.Read(name));
        return folder;
    }

    /// <summary>The step column of <c>metrics.csv</c> in <paramref name="runFolder"/> (whole rows only).</summary>
    public static long[] Steps(string runFolder)
    {
        var lines = File.ReadAllLines(Path.Combine(runFolder, "metrics.csv"));
        var columns = lines[0].Count(c => c == ',');
        return lines.Skip(1).Where(l => l.Count(c => c == ',') == columns).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }
}
