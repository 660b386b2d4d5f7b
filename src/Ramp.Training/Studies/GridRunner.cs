using System.Diagnostics;
using Ramp.Training.Runs;
using TorchSharp;

namespace Ramp.Training.Studies;

/// <summary>
/// Runs cells into <c>OUT/runs/&lt;run id&gt;/</c>, <see cref="Jobs"/> at a time (each with its share of torch's
/// threads), skipping finished runs, resuming stopped ones and restarting half-written ones (see
/// <see cref="CellState"/>). A cell that throws is reported as <see cref="CellAction.Failed"/>; the others go on.
/// </summary>
/// <param name="OutDir">The comparison directory.</param>
/// <param name="Jobs">Cells trained at once, at least 1.</param>
/// <param name="Command">The command line recorded in each run's <c>config.json</c>, or null.</param>
public sealed record GridRunner(string OutDir, int Jobs = 2, string? Command = null)
{
    /// <summary>Called when a cell starts training (not for skipped cells); may be called from several threads.</summary>
    public Action<StudyCell>? Started { get; init; }

    /// <summary>Called when a cell is done, whatever the action; may be called from several threads.</summary>
    public Action<CellOutcome>? Finished { get; init; }

    /// <summary>The run folder of <paramref name="cell"/>.</summary>
    public string FolderOf(StudyCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Path.Combine(OutDir, "runs", cell.RunId);
    }

    /// <summary>Runs <paramref name="cells"/> with the data of each case study from <paramref name="data"/>; returns the outcomes in cell order.</summary>
    public IReadOnlyList<CellOutcome> Run(IReadOnlyList<StudyCell> cells, IReadOnlyDictionary<string, StudyData> data)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(Jobs, 1);
        // Each concurrent cell gets its share of the cores; one thread each when there are more jobs than cores.
        torch.set_num_threads(Math.Max(1, Environment.ProcessorCount / Jobs));
        var outcomes = new CellOutcome[cells.Count];
        Parallel.For(0, cells.Count, new ParallelOptions { MaxDegreeOfParallelism = Jobs }, i =>
        {
            outcomes[i] = RunOne(cells[i], data[cells[i].Grid.CaseStudy]);
            Finished?.Invoke(outcomes[i]);
        });
        return outcomes;
    }

    private CellOutcome RunOne(StudyCell cell, StudyData data)
    {
        var folder = FolderOf(cell);
        var config = CellRunner.Config(cell, data, Command);
        var clock = Stopwatch.StartNew();
        var action = CellAction.Trained;
        try
        {
            action = CellState.Inspect(folder, config);
            if (action == CellAction.Skipped)
                return AlreadyDone(cell, folder);
            Started?.Invoke(cell);
            var summary = CellRunner.Train(cell, data, config, folder, resume: action == CellAction.Resumed);
            DeleteCheckpoints(folder);
            return CellOutcome.From(cell, action, folder, summary, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CellOutcome(cell, CellAction.Failed, folder, "error", false, double.NaN, clock.Elapsed.TotalSeconds,
                $"{cell.RunId}: {e.Message}");
        }
    }

    private static CellOutcome AlreadyDone(StudyCell cell, string folder)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var r = doc.RootElement;
        var loss = r.TryGetProperty("final", out var f) && f.TryGetProperty("loss", out var l) ? RunJson.ReadNumber(l) : double.NaN;
        var diverged = r.TryGetProperty("diverged", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.True;
        return new CellOutcome(cell, CellAction.Skipped, folder, r.GetProperty("status").GetString() ?? "", diverged, loss, 0);
    }

    // A finished cell is never resumed, and its model and optimizer files would dominate the grid's disk use.
    private static void DeleteCheckpoints(string folder)
    {
        var checkpoints = Path.Combine(folder, "checkpoints");
        if (Directory.Exists(checkpoints)) Directory.Delete(checkpoints, recursive: true);
    }
}
