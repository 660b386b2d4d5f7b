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
    public static IReadOnlyList<string> Run(IReadOnlyList<string> tokens, int jobs, Action<string> report) =>
        Run(tokens, jobs, report, DeviceList.Cpu, []);

    /// <summary>
    /// As the other overload, worker k on device <paramref name="devices"/>.<see cref="DeviceList.For"/>(k) (alone in
    /// its <c>CUDA_VISIBLE_DEVICES</c>), with <paramref name="extra"/> arguments (a halving stage).
    /// </summary>
    public static IReadOnlyList<string> Run(IReadOnlyList<string> tokens, int jobs, Action<string> report, DeviceList devices,
        IReadOnlyList<string> extra)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<string>();
        var processes = Plan(tokens, jobs, devices, extra, Environment.GetEnvironmentVariable(DeviceList.VisibleVariable))
            .Select(w => Start(w.Args, w.Visible, report, failures)).ToArray();
        foreach (var p in processes)
        {
            p.WaitForExit();
            if (p.ExitCode is not (0 or 1)) lock (failures) failures.Add($"a worker exited with code {p.ExitCode}");
            p.Dispose();
        }
        return failures;
    }

    /// <summary>
    /// What each worker is started with: its arguments and its <c>CUDA_VISIBLE_DEVICES</c> (null: inherited), given
    /// this process's own <paramref name="visible"/> value. Worker k trains on <c>--worker-device</c>: <c>cpu</c>, or
    /// <c>cuda:0</c> of the one device it sees.
    /// </summary>
    internal static IReadOnlyList<(List<string> Args, string? Visible)> Plan(IReadOnlyList<string> tokens, int jobs, DeviceList devices,
        IReadOnlyList<string> extra, string? visible) =>
        [.. Enumerable.Range(0, jobs).Select(k => (
            (List<string>)[.. WorkerArgs(tokens, k, jobs), "--worker-device", devices.IsCuda ? "cuda:0" : "cpu", .. extra],
            devices.VisibleFor(k, visible)))];

    /// <summary>The worker's arguments: the user's, without <c>--jobs</c> and <c>--devices</c>, plus <c>--jobs 1 --worker
    /// k/N</c>.</summary>
    internal static List<string> WorkerArgs(IReadOnlyList<string> tokens, int k, int jobs)
    {
        var args = UserArgs(tokens, "--jobs", "--devices");
        args.AddRange(["--jobs", "1", "--worker", $"{k}/{jobs}"]);
        return args;
    }

    /// <summary><paramref name="tokens"/> without the options named (<c>--name value</c> or <c>--name=value</c>).</summary>
    internal static List<string> UserArgs(IReadOnlyList<string> tokens, params string[] without)
    {
        var args = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (without.Contains(tokens[i])) { i++; continue; }
            if (without.Any(o => tokens[i].StartsWith(o + "=", StringComparison.Ordinal))) continue;
            args.Add(tokens[i]);
        }
        return args;
    }

    private static Process Start(List<string> args, string? visible, Action<string> report, List<string> failures)
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("compare: cannot find the ramp executable to " +
            "start workers");
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        WorkerLifetime.Prepare(info);
        // Under `dotnet ramp.dll` the process is dotnet itself: the workers need the assembly too.
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet") info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        if (visible is not null) info.Environment[DeviceList.VisibleVariable] = visible;
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
