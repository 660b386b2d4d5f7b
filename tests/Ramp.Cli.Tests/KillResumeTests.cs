using System.Diagnostics;
using System.Text.Json;
using Ramp.Training.Data;

namespace Ramp.Cli.Tests;

/// <summary>
/// The real <c>ramp</c> binary killed with SIGKILL in the middle of a run, then resumed with <c>--resume</c>, writes
/// the same <c>metrics.csv</c> as an uninterrupted run with the same seed: every step once, in order, with the same
/// numbers (all columns but the wall-clock time).
/// </summary>
public sealed class KillResumeTests : IDisposable
{
    private const int Steps = 600;
    private const int CheckpointEvery = 40;
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_run_killed_with_sigkill_and_resumed_equals_an_uninterrupted_run()
    {
        var data = ShippedFashionMnist();
        var whole = Path.Combine(_root, "whole");
        var killed = Path.Combine(_root, "killed");

        var clock = Stopwatch.StartNew();
        var uninterrupted = Ramp(Args(data, whole));
        Assert.True(uninterrupted.Code == 0, uninterrupted.Err);
        // The killed run needs a small part of the whole run's time to pass its first checkpoint; on a busy machine
        // that can be minutes, so the wait scales with what the whole run took (a hung run still fails).
        var patience = TimeSpan.FromSeconds(60) + 2 * clock.Elapsed;

        var (checkpoint, rowsAtKill) = KillAfterACheckpoint(Args(data, killed), patience);
        Assert.InRange(checkpoint, CheckpointEvery, Steps - CheckpointEvery);
        Assert.True(rowsAtKill > checkpoint, $"rows past the checkpoint when killed: {rowsAtKill} rows, checkpoint at {checkpoint}");
        Assert.False(File.Exists(Path.Combine(killed, "checkpoints", $"model-{Steps}.bin")), "the run was killed before its end");

        var resumed = Ramp([.. Args(data, killed), "--resume"]);
        Assert.True(resumed.Code == 0, resumed.Err);

        var expected = Rows(whole);
        var actual = Rows(killed);
        Assert.Equal(Enumerable.Range(0, Steps).Select(s => s.ToString()), actual.Select(r => r[0]));
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(expected[i].SequenceEqual(actual[i]), $"row {i}: expected {string.Join(",", expected[i])} but was {string.Join(",", actual[i])}");
    }

    private static string[] Args(string data, string output) =>
    [
        "train", "--model", "mlp", "--data", "fashion-mnist", "--data-dir", data, "--optimizer", "sgd", "--momentum", "0.9",
        "--lr", "0.05", "--schedule", "warmup(50) >> cosine(550)", "--steps", Steps.ToString(), "--batch", "32", "--seed", "7",
        "--checkpoint-every", CheckpointEvery.ToString(), "--read-back-every", "5", "--out", output,
    ];

    /// <summary>Starts the run, waits until a checkpoint exists and rows past it are written, then kills it (SIGKILL).</summary>
    private static (long Checkpoint, int Rows) KillAfterACheckpoint(string[] args, TimeSpan patience)
    {
        var output = args[^1];
        using var process = Process.Start(Info(args))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < patience)
        {
            Assert.False(process.HasExited, $"the run ended (exit {(process.HasExited ? process.ExitCode : 0)}) before it could be killed");
            if (CheckpointStep(output) is { } step && step >= CheckpointEvery && RowCount(output) > step)
            {
                process.Kill();
                process.WaitForExit();
                return (CheckpointStep(output)!.Value, RowCount(output));
            }
            Thread.Sleep(10);
        }
        process.Kill();
        throw new TimeoutException($"no checkpoint within {patience.TotalSeconds:F0} s");
    }

    private static long? CheckpointStep(string output)
    {
        try
        {
            using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "checkpoints", "latest.json")));
            return index.RootElement.GetProperty("step").GetInt64();
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    private static int RowCount(string output)
    {
        var csv = Path.Combine(output, "metrics.csv");
        if (!File.Exists(csv)) return 0;
        var lines = File.ReadAllLines(csv);
        // Whole rows only: a row being written may be torn.
        return lines.Length < 2 ? 0 : lines.Skip(1).Count(l => l.Count(c => c == ',') == lines[0].Count(c => c == ','));
    }

    /// <summary>The rows of metrics.csv without the wall-clock column (the last one).</summary>
    private static string[][] Rows(string output) =>
        File.ReadAllLines(Path.Combine(output, "metrics.csv")).Skip(1).Select(l => l.Split(',')[..^1]).ToArray();

    /// <summary>The shipped subset written out under the standard IDX names, so the run does not depend on what the machine has installed.</summary>
    private string ShippedFashionMnist()
    {
        var folder = Path.Combine(_root, "data");
        Directory.CreateDirectory(folder);
        foreach (var name in ShippedData.Names.Where(n => n.StartsWith("fashion-", StringComparison.Ordinal)))
            File.WriteAllBytes(Path.Combine(folder, name["fashion-".Length..]), ShippedData.Read(name));
        return folder;
    }

    private static ProcessStartInfo Info(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ramp.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    private static (int Code, string Err) Ramp(string[] args)
    {
        using var process = Process.Start(Info(args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }
}
