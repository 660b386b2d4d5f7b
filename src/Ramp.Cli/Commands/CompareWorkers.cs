using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ramp.Cli.Commands;

/// <summary>
/// Runs a grid's cells in <c>--jobs</c> child processes of <c>ramp</c> (<c>--worker k/N</c>: every N-th cell of
/// the shard), each with one torch thread, and forwards their per-cell lines to the progress display. Processes,
/// not threads: TorchSharp is not safe for two trainings in one process.
/// </summary>
public static partial class CompareWorkers
{
    /// <summary>Starts the workers, waits for them, and returns the lines of failed cells.</summary>
    public static IReadOnlyList<string> Run(IReadOnlyList<string> tokens, int jobs, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<string>();
        var processes = Enumerable.Range(0, jobs).Select(k => Start(WorkerArgs(tokens, k, jobs), report, failures)).ToArray();
        foreach (var p in processes)
        {
            p.WaitForExit();
            if (p.ExitCode is not (0 or 1)) lock (failures) failures.Add($"a worker exited with code {p.ExitCode}");
            p.Dispose();
        }
        return failures;
    }

    /// <summary>The worker's arguments: the user's, without <c>--jobs</c>, plus <c>--jobs 1 --worker k/N</c>.</summary>
    internal static List<string> WorkerArgs(IReadOnlyList<string> tokens, int k, int jobs)
    {
        var args = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == "--jobs") { i++; continue; }
            if (tokens[i].StartsWith("--jobs=", StringComparison.Ordinal)) continue;
            args.Add(tokens[i]);
        }
        args.AddRange(["--jobs", "1", "--worker", $"{k}/{jobs}"]);
        return args;
    }

    private static Process Start(List<string> args, Action<string> report, List<string> failures)
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("compare: cannot find the ramp executable to " +
            "start workers");
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        WorkerLifetime.Prepare(info);
        // Under `dotnet ramp.dll` the process is dotnet itself: the workers need the assembly too.
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        var p = new Process { StartInfo = info };
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (CellLine().Match(e.Data) is not { Success: true } m) return;
            report(m.Groups[1].Value);
            if (m.Groups[1].Value.Contains(": FAILED: ", StringComparison.Ordinal)) lock (failures) failures.Add(m.Groups[1].Value);
        };
        p.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data)) lock (failures) failures.Add(e.Data);
        };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    [GeneratedRegex(@"^\[\d+/\d+\] (.*)$")]
    private static partial Regex CellLine();
}
