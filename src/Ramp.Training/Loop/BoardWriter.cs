using Ramp.Runs;
using Ramp.Training.Monitoring;
using Ramp.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;

namespace Ramp.Training.Loop;

/// <summary>
/// TensorBoard event files that match <c>metrics.jsonl</c> row for row. A resume or roll-back drops the metric rows
/// after the checkpoint, but an event file cannot be cut, so the files are replaced by a fresh one: the old files'
/// scalars for the steps the checkpoint covers are copied with their wall times (the evaluation scalars exist only
/// there), and kept metric rows that the old files lack (TensorBoard was off, or the files were lost) are written
/// from <c>metrics.jsonl</c> through <see cref="Write"/>, as during training.
/// </summary>
internal sealed class BoardWriter(RunFolder folder, bool enabled, long totalSteps)
{
    private const string EvalPrefix = "eval_";
    private SummaryWriter? _board;

    /// <summary>Opens the writer; a resumed run first replaces its event files (see <see cref="Replace"/>).</summary>
    public void Open(bool resumed, long step)
    {
        if (resumed) Replace(step);
        else if (enabled) _board = New();
    }

    /// <summary>
    /// Rewrites the event files to hold exactly the steps before <paramref name="step"/> (the checkpoint just restored):
    /// each kept metric row once, and each evaluation at a step up to the checkpoint's once, in step order. An
    /// evaluation at the last step is dropped, as a resumed finished run evaluates there again. Without TensorBoard
    /// the old files are still cut back (and then no longer written) so that they never show steps the metrics do not.
    /// </summary>
    public void Replace(long step)
    {
        _board = null;
        if (!enabled && !BoardFiles.Any(folder.Path)) return;
        var rows = folder.ReadRecords();
        var kept = KeptScalars(rows.Select(r => r.Step).ToHashSet(), step);
        var charted = kept.Where(s => s.Tag == "loss").Select(s => s.Step).ToHashSet();
        var missing = rows.Where(r => !charted.Contains(r.Step)).ToArray();
        BoardFiles.Retire(folder.Path);
        _board = New();
        var next = 0;
        foreach (var s in kept)
        {
            // An evaluation at step s ran after s steps: after row s - 1, before row s.
            while (next < missing.Length && (missing[next].Step < s.Step || (missing[next].Step == s.Step && !IsEval(s))))
                Write([missing[next++]]);
            _board.add_scalar(s.Tag, s.Value, (int)s.Step, (long)s.WallTime);
        }
        Write(missing[next..]);
        BoardFiles.DropRetired(folder.Path);
        if (!enabled) _board = null;
    }

    /// <summary>Writes the rows' scalars: loss, accuracy, rates, gradient norms, update ratios, angular updates, dead
    /// units, the optimizer's own scalars.</summary>
    public void Write(IReadOnlyList<StepRecord> rows)
    {
        if (_board is null) return;
        foreach (var r in rows)
        {
            var s = (int)r.Step;
            _board.add_scalar("loss", (float)r.Loss, s);
            if (r.Accuracy is { } a) _board.add_scalar("accuracy", (float)a, s);
            for (var g = 0; g < r.Lrs.Count; g++) _board.add_scalar($"lr/{g}", (float)r.Lrs[g], s);
            _board.add_scalar("grad_norm", (float)r.GradNorm, s);
            foreach (var (name, l) in r.Layers)
            {
                _board.add_scalar($"grad_norm/{name}", (float)l.GradNorm, s);
                if (l.UpdateRatio is { } ratio) _board.add_scalar($"update_ratio/{name}", (float)ratio, s);
                if (l.AngularUpdate is { } angle) _board.add_scalar($"angular_update/{name}", (float)angle, s);
            }
            foreach (var (name, fraction) in r.DeadUnits ?? []) _board.add_scalar($"dead_units/{name}", (float)fraction, s);
            foreach (var (name, value) in r.Optimizer ?? []) _board.add_scalar($"optimizer/{name}", (float)value, s);
        }
    }

    /// <summary>Writes an evaluation's loss and accuracy at <paramref name="step"/>.</summary>
    public void WriteEvaluation(double loss, double? accuracy, long step)
    {
        _board?.add_scalar(EvalPrefix + "loss", (float)loss, (int)step);
        if (accuracy is { } a) _board?.add_scalar(EvalPrefix + "accuracy", (float)a, (int)step);
    }

    /// <summary>
    /// The old files' scalars to keep, once per tag and step (the last written wins, which also mends files written
    /// before replacement existed), ordered by step with evaluations first.
    /// </summary>
    private List<BoardScalar> KeptScalars(HashSet<long> rowSteps, long step)
    {
        var kept = new Dictionary<(string, long), BoardScalar>();
        foreach (var s in BoardFiles.ReadAll(folder.Path))
        {
            if (IsEval(s) ? s.Step <= step && s.Step < totalSteps : rowSteps.Contains(s.Step))
                kept[(s.Tag, s.Step)] = s;
        }
        return kept.Values.OrderBy(s => s.Step).ThenBy(s => IsEval(s) ? 0 : 1).ToList();
    }

    private static bool IsEval(BoardScalar s) => s.Tag.StartsWith(EvalPrefix, StringComparison.Ordinal);

    private SummaryWriter New() => torch.utils.tensorboard.SummaryWriter(folder.Path, createRunName: false);
}
