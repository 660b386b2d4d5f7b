using Ramp.Runs;
using System.Globalization;
using System.Text.Json;
using Ramp.Training.Runs;

namespace Ramp.Training.Studies;

/// <summary>
/// Decides what to do with a cell's run folder: a finished run (summary status <c>finished</c> or
/// <c>diverged</c>) is kept; a run with a checkpoint is resumed; anything else half-written is removed so the run
/// starts clean. A folder recorded with other settings (schedule, steps, optimizer, batch, peak) is an error, so
/// a changed grid never mixes old and new runs under one name.
/// </summary>
public static class CellState
{
    /// <summary>The action for <paramref name="folder"/>: Skipped, Resumed, Restarted (folder already emptied) or Trained.</summary>
    /// <exception cref="InvalidOperationException">The folder holds a run with other settings.</exception>
    public static CellAction Inspect(string folder, RunConfig expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).All(e => RunLock.IsLockFile(Path.GetFileName(e))))
            return CellAction.Trained;
        var run = new RunFolder(folder);
        if (File.Exists(run.ConfigFile)) CheckSame(run.ConfigFile, expected);
        if (File.Exists(run.SummaryFile) && Status(run.SummaryFile) is "finished" or "diverged")
            return CellAction.Skipped;
        if (File.Exists(run.LatestCheckpoint)) return CellAction.Resumed;
        RunLock.ClearFolder(folder); // the lock's files stay: this process holds them
        return CellAction.Restarted;
    }

    /// <summary>Why <paramref name="folder"/> cannot hold the run of <paramref name="expected"/> (its config.json has other settings), or null.</summary>
    public static string? Conflict(string folder, RunConfig expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var config = Path.Combine(folder, "config.json");
        if (!File.Exists(config)) return null;
        try
        {
            CheckSame(config, expected);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    private static string? Status(string summaryFile)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(summaryFile));
            return doc.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // torn by a kill: treated as unfinished
        }
    }

    private static void CheckSame(string configFile, RunConfig expected)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(configFile));
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return; // torn: the run restarts
        }
        Same(root, "schedule", expected.Schedule, configFile);
        Same(root, "optimizer", expected.Optimizer, configFile);
        Same(root, "steps", expected.Steps.ToString(CultureInfo.InvariantCulture), configFile);
        Same(root, "batch", expected.Batch.ToString(CultureInfo.InvariantCulture), configFile);
        Same(root, "lr", expected.Lr.ToString("R", CultureInfo.InvariantCulture), configFile);
    }

    private static void Same(JsonElement root, string name, string expected, string file)
    {
        if (!root.TryGetProperty(name, out var v)) return;
        var actual = v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
        if (v.ValueKind == JsonValueKind.Number && double.TryParse(actual, CultureInfo.InvariantCulture, out var d)
            && double.TryParse(expected, CultureInfo.InvariantCulture, out var e) && d == e) return;
        if (actual != expected)
            throw new InvalidOperationException(
                $"{file}: this run was made with {name} {actual}, the grid now asks for {expected}; remove the folder or choose another --out");
    }
}
