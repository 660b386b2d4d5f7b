using Ramp.Training.Monitoring;
using Ramp.Training.Runs;
using TorchSharp;

namespace Ramp.Training.Loop;

/// <summary>
/// TensorBoard event files that match <c>metrics.jsonl</c> row for row. A resume or roll-back drops the metric rows
/// after the checkpoint, but an event file cannot be cut, so the files are replaced: the rows kept in
/// <c>metrics.jsonl</c> are written again through the same writer (<c>WriteBoard</c>), and the evaluation scalars,
/// which only the event files keep, are carried over from the old files for the steps the checkpoint covers.
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
    /// each kept metric row once, and each evaluation at a step up to the checkpoint's once. Evaluations at the last
    /// step are dropped, as a resumed finished run evaluates again there. Without TensorBoard the old files are still
    /// cut back (and then no longer written) so that they never show steps the metrics do not.
    /// </summary>
    private void ReplaceBoard()
    {
        _board = null;
        if (!_options.Monitor.TensorBoard && !BoardFiles.Any(_folder.Path)) return;
        var evaluations = KeptEvaluations();
        BoardFiles.Retire(_folder.Path);
        _board = NewBoard();
        var rows = RunFiles.ReadRecords(_folder.MetricsJsonl);
        var next = 0;
        var batch = new List<StepRecord>();
        foreach (var row in rows)
        {
            // An evaluation at step s ran after s steps, so it comes after row s - 1 and before row s.
            if (next < evaluations.Count && evaluations[next].Step <= row.Step)
            {
                WriteBoard(batch);
                batch.Clear();
                while (next < evaluations.Count && evaluations[next].Step <= row.Step) WriteScalar(evaluations[next++]);
            }
            batch.Add(row);
        }
        WriteBoard(batch);
        while (next < evaluations.Count) WriteScalar(evaluations[next++]);
        BoardFiles.DropRetired(_folder.Path);
        if (!_options.Monitor.TensorBoard) _board = null;
    }

    /// <summary>The old files' evaluation scalars at steps up to the checkpoint, once per tag and step (the last written wins).</summary>
    private List<BoardScalar> KeptEvaluations()
    {
        var kept = new Dictionary<(string, long), BoardScalar>();
        foreach (var s in BoardFiles.ReadAll(_folder.Path))
        {
            if (s.Tag.StartsWith(EvalPrefix, StringComparison.Ordinal) && s.Step <= _step && s.Step < TotalSteps)
                kept[(s.Tag, s.Step)] = s;
        }
        return kept.Values.OrderBy(s => s.Step).ToList();
    }

    private void WriteScalar(BoardScalar s) => _board!.add_scalar(s.Tag, s.Value, (int)s.Step);

    private TorchSharp.Modules.SummaryWriter NewBoard() => torch.utils.tensorboard.SummaryWriter(_folder.Path, createRunName: false);
}
