using Ramp.Training.Checkpoints;
using Ramp.Training.Runs;
using Ramp.Runs;
using System.Diagnostics;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Ramp.Training.Studies;

/// <summary>
/// Runs cells one after another into <c>OUT/runs/&lt;run id&gt;/</c> with <see cref="Threads"/> torch threads,
/// skipping finished runs, resuming stopped ones and restarting half-written ones (see <see cref="CellState"/>).
/// A cell that throws is reported as <see cref="CellAction.Failed"/>; the others go on. To use several cores
/// for several cells, run several processes over disjoint cells (<c>ramp compare --jobs N</c> does): TorchSharp
/// 0.10x is not safe for two trainings on two threads of one process (scalar arguments are shared and fail at
/// random with "Unknown scalar type").
/// </summary>
/// <param name="OutDir">The comparison directory.</param>
/// <param name="Threads">torch's intra-op threads, at least 1.</param>
/// <param name="Command">The command line recorded in each run's <c>config.json</c>, or null.</param>
public sealed record GridRunner(string OutDir, int Threads = 1, string? Command = null)
{
    /// <summary>How often a cell is tried when libtorch throws (<see cref="ExternalException"/>) before it counts as failed.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// How long a cell waits for its run folder's <see cref="RunLock"/>: a worker of a comparison killed a moment ago
    /// exits as soon as it sees its parent gone, so a rerun started at once meets its lock only briefly.
    /// </summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(20);

    /// <summary>The device the cells train on: <c>cpu</c> (default) or <c>cuda:N</c>, recorded in each run's <c>config.json</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// Where each cell pauses (successive halving's rung), or null to train every cell to its end. A cell already at
    /// or past its pause (its checkpoint, or its end) is not trained; a paused cell keeps its checkpoints.
    /// </summary>
    public Func<StudyCell, long>? PauseAt { get; init; }

    /// <summary>Called when a cell starts training (not for skipped cells).</summary>
    public Action<StudyCell>? Started { get; init; }

    /// <summary>Called when a cell is done, whatever the action.</summary>
    public Action<CellOutcome>? Finished { get; init; }

    /// <summary>The run folder of <paramref name="cell"/>.</summary>
    public string FolderOf(StudyCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Path.Combine(OutDir, "runs", cell.RunId);
    }

    /// <summary>Runs <paramref name="cells"/> with the data of each case study from <paramref name="data"/>; returns the outcomes in cell
    /// order.</summary>
    public IReadOnlyList<CellOutcome> Run(IReadOnlyList<StudyCell> cells, IReadOnlyDictionary<string, StudyData> data)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1);
        torch.set_num_threads(Threads);
        var outcomes = new CellOutcome[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            outcomes[i] = RunOne(cells[i], data[cells[i].Grid.CaseStudy]);
            Finished?.Invoke(outcomes[i]);
        }
        return outcomes;
    }

    private CellOutcome RunOne(StudyCell cell, StudyData data)
    {
        var folder = FolderOf(cell);
        var config = CellRunner.Config(cell, data, Command, Device);
        var pause = PauseAt?.Invoke(cell) is { } p && p < cell.Steps ? p : (long?)null;
        var clock = Stopwatch.StartNew();
        var action = CellAction.Trained;
        try
        {
            using var held = RunLock.Acquire(folder, wait: LockWait);
            action = CellState.Inspect(folder, config);
            if (action == CellAction.Skipped || (action == CellAction.Resumed && pause <= CheckpointStep(folder)))
                return AlreadyDone(cell, folder);
            Started?.Invoke(cell);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var summary = CellRunner.Train(cell, data, config, folder, resume: action == CellAction.Resumed, pause);
                    if (summary.Status != RunStatus.Running) DeleteCheckpoints(folder);
                    return CellOutcome.From(cell, action, folder, summary, clock.Elapsed.TotalSeconds) with { Attempts = attempt };
                }
                catch (ExternalException) when (attempt < MaxAttempts)
                {
                    // libtorch through TorchSharp fails now and then with "Unknown scalar type" or an internal assert
                    // in an ordinary op; the run continues from its last checkpoint (or from scratch), exactly as a resume.
                    action = CellState.Inspect(folder, config) is CellAction.Resumed ? CellAction.Resumed : CellAction.Restarted;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CellOutcome(cell, CellAction.Failed, folder, "error", false, double.NaN, clock.Elapsed.TotalSeconds,
                $"{cell.RunId}: {e.Message.Split('\n')[0]}")
            { Attempts = MaxAttempts };
        }
    }

    private static CellOutcome AlreadyDone(StudyCell cell, string folder)
    {
        var summary = new RunFolder(folder).ReadSummary() ?? throw new InvalidOperationException($"{folder}: summary.json is missing");
        return CellOutcome.From(cell, CellAction.Skipped, folder, summary, 0);
    }

    private static long CheckpointStep(string folder) => new RunFolder(folder).ReadCheckpointInfo<CheckpointInfo>()?.Step ?? 0;

    // A finished cell is never resumed, and its model and optimizer files would dominate the grid's disk use.
    private static void DeleteCheckpoints(string folder)
    {
        var checkpoints = Path.Combine(folder, "checkpoints");
        if (Directory.Exists(checkpoints)) Directory.Delete(checkpoints, recursive: true);
    }
}
