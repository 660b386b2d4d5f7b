using Ramp.Runs;
using System.Globalization;
using Ramp.Training.Data;
using Ramp.Training.Runs;

namespace Ramp.Training.Studies;

/// <summary>
/// Decides what to do with a cell's run folder: a finished run (summary status <c>finished</c> or
/// <c>diverged</c>) is kept; a run with a checkpoint is resumed; anything else half-written is removed so the run
/// starts clean. A folder recorded with other settings (schedule, steps, optimizer, batch, peak, input normalisation)
/// is an error, so a changed grid never mixes old and new runs under one name.
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
        if (File.Exists(run.ConfigFile)) CheckSame(run, expected);
        if (Status(run) is RunStatus.Finished or RunStatus.Diverged)
            return CellAction.Skipped;
        if (File.Exists(run.LatestCheckpoint)) return CellAction.Resumed;
        RunLock.ClearFolder(folder); // the lock's files stay: this process holds them
        return CellAction.Restarted;
    }

    /// <summary>Why <paramref name="folder"/> cannot hold the run of <paramref name="expected"/> (its config.json has other settings), or
    /// null.</summary>
    public static string? Conflict(string folder, RunConfig expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        try
        {
            CheckSame(new RunFolder(folder), expected);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>The summary's status through the run-folder reader; null when missing or torn by a kill (unfinished).</summary>
    private static RunStatus? Status(RunFolder run)
    {
        try
        {
            return run.ReadSummary()?.Status;
        }
        catch (RunFolderException)
        {
            return null;
        }
    }

    private static void CheckSame(RunFolder run, RunConfig expected)
    {
        RunConfig recorded;
        try
        {
            recorded = run.ReadConfig();
        }
        catch (RunFolderException)
        {
            return; // torn: the run restarts
        }
        var file = run.ConfigFile;
        Same("schedule", recorded.Schedule, expected.Schedule, file);
        Same("optimizer", recorded.Optimizer, expected.Optimizer, file);
        Same("steps", F(recorded.Steps), F(expected.Steps), file);
        Same("batch", F(recorded.Batch), F(expected.Batch), file);
        Same("lr", F(recorded.Lr), F(expected.Lr), file);
        Same("input normalisation", Inputs(recorded), Inputs(expected), file);
    }

    private static void Same(string name, string actual, string expected, string file)
    {
        if (actual != expected)
            throw new InvalidOperationException(
                $"{file}: this run was made with {name} {actual}, the grid now asks for {expected}; remove the folder or choose " +
                    "another --out");
    }

    // A cell recorded before images were normalised was trained on other inputs: it is not continued with these.
    private static string Inputs(RunConfig config) => PixelNormalization.RecordedIn(config) switch
    {
        null => "none (text)",
        { IsIdentity: true } => "none (pixels / 255)",
        var n => $"mean {F(n.Mean)}, std {F(n.Std)}",
    };

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
