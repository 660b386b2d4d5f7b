using Ramp.Training.Runs;
using TorchSharp;

namespace Ramp.Training.Loop;

/// <summary>
/// TensorBoard event files that match <c>metrics.jsonl</c> row for row. A resume or roll-back drops the metric rows
/// after the checkpoint, but an event file cannot be cut, so the files are replaced by a fresh one: the old files'
/// scalars for the steps the checkpoint covers are copied with their wall times (the evaluation scalars exist only
/// there), and kept metric rows that the old files lack (TensorBoard was off, or the files were lost) are written
/// from <c>metrics.jsonl</c> through <c>WriteBoard</c>, as during training.
/// </summary>
public sealed partial class Trainer
{
    private const string EvalPrefix = "eval_";

    /// <summary>Opens the writer; a resumed run first replaces its event files (see <see cref="ReplaceBoard"/>).</summary>
    private void OpenBoard(bool resumed)
    {
        if (resumed) ReplaceBoard();
        else if (_options.Monitor.TensorBoard) _board = NewBoard();
    }

    /// <summary>
    /// Rewrites the event files to hold exactly the steps before <see cref="_step"/> (the checkpoint just restored):
    /// each kept metric row once, and each evaluation at a step up to the checkpoint's once, in step order. An
    /// evaluation at the last step is dropped, as a resumed finished run evaluates there again. Without TensorBoard
    /// the old files are still cut back (and then no longer written) so that they never show steps the metrics do not.
    /// </summary>
    private void ReplaceBoard()
    {
        _board = null;
        if (!_options.Monitor.TensorBoard && !BoardFiles.Any(_folder.Path)) return;
        var rows = RunFiles.ReadRecords(_folder.MetricsJsonl);
        var kept = KeptScalars(rows.Select(r => r.Step).ToHashSet());
        var charted = kept.Where(s => s.Tag == "loss").Select(s => s.Step).ToHashSet();
        var missing = rows.Where(r => !charted.Contains(r.Step)).ToArray();
        BoardFiles.Retire(_folder.Path);
        _board = NewBoard();
        var next = 0;
        foreach (var s in kept)
        {
            // An evaluation at step s ran after s steps: after row s - 1, before row s.
            while (next < missing.Length && (missing[next].Step < s.Step || (missing[next].Step == s.Step && !IsEval(s))))
                WriteBoard([missing[next++]]);
            _board.add_scalar(s.Tag, s.Value, (int)s.Step, (long)s.WallTime);
        }
        WriteBoard(missing[next..]);
        BoardFiles.DropRetired(_folder.Path);
        if (!_options.Monitor.TensorBoard) _board = null;
    }

    /// <summary>
    /// The old files' scalars to keep, once per tag and step (the last written wins, which also mends files written
    /// before replacement existed), ordered by step with evaluations first.
    /// </summary>
    private List<BoardScalar> KeptScalars(HashSet<long> rowSteps)
    {
        var kept = new Dictionary<(string, long), BoardScalar>();
        foreach (var s in BoardFiles.ReadAll(_folder.Path))
        {
            if (IsEval(s) ? s.Step <= _step && s.Step < TotalSteps : rowSteps.Contains(s.Step))
                kept[(s.Tag, s.Step)] = s;
        }
        return kept.Values.OrderBy(s => s.Step).ThenBy(s => IsEval(s) ? 0 : 1).ToList();
    }

    private static bool IsEval(BoardScalar s) => s.Tag.StartsWith(EvalPrefix, StringComparison.Ordinal);

    private TorchSharp.Modules.SummaryWriter NewBoard() => torch.utils.tensorboard.SummaryWriter(_folder.Path, createRunName: false);
}
