using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;
using Ramp.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

public sealed partial class Trainer
{
    private sealed record PendingRow(long Step, long Epoch, double[] Lrs, double? Momentum, bool Skipped, long ScheduleStep, double WallMs);

    private readonly Queue<StepRecord> _lastRows = new();

    /// <summary>Reads back pending steps, diagnoses them and appends them to the run folder.</summary>
    private void Flush()
    {
        if (_pending.Count == 0) return;
        var vectors = _monitor.ReadBack();
        var rows = new List<StepRecord>(vectors.Length);
        var events = new List<RunEvent>();
        for (var i = 0; i < vectors.Length; i++)
        {
            var p = _pending[i];
            var v = vectors[i];
            var m = _monitor.Decode(v);
            var (loss, gradNorm, layers) = (v.Head[0], m.GradNorm, m.Layers);
            var nonFinite = !double.IsFinite(loss) || !double.IsFinite(gradNorm);
            var row = new StepRecord(p.Step, p.Epoch, loss, _train.IsLanguageModel ? null : v.Head[1], p.Lrs, p.Momentum,
                gradNorm, m.UpdateRatio, m.WeightNorm, nonFinite, v.Head[2] != 0, p.Skipped, p.WallMs,
                _options.Monitor.PerLayer ? layers : [], p.ScheduleStep, m.DeadUnits);
            if (double.IsNaN(_initialLoss) && p.Step == 0) _initialLoss = row.Loss;
            events.AddRange(_diagnoser.Observe(row with { Layers = layers }));
            foreach (var (relu, fraction) in m.DeadUnits) events.AddRange(_diagnoser.ObserveDeadUnits(p.Step, relu, fraction));
            _lastLayers = layers;
            AddEpochLoss(row.Epoch, row.Loss);
            rows.Add(row);
            if (nonFinite && !row.Skipped && _options.Guards.Rollback is null && _status == RunSummary.Running)
            {
                _status = RunSummary.DivergedStatus;
                _divergedAt ??= row.Step;
            }
        }
        _pending.Clear();
        _metrics!.Append(rows);
        _folder.AppendEvents(events);
        WriteBoard(rows);
        RememberLastRows(rows);
        _options.Progress?.Invoke(rows);
    }

    /// <summary>The final loss and accuracy are the means over the last read-back window of rows.</summary>
    private void RememberLastRows(IEnumerable<StepRecord> rows)
    {
        foreach (var r in rows) { _lastRows.Enqueue(r); if (_lastRows.Count > _options.Monitor.ReadBackEvery) _lastRows.Dequeue(); }
        if (_lastRows.Count == 0) return;
        _final = _final with
        {
            Loss = _lastRows.Average(r => r.Loss),
            Accuracy = _train.IsLanguageModel ? null : _lastRows.Average(r => r.Accuracy ?? double.NaN),
        };
    }

    private void WriteBoard(IReadOnlyList<StepRecord> rows)
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
            }
            foreach (var (name, fraction) in r.DeadUnits ?? []) _board.add_scalar($"dead_units/{name}", (float)fraction, s);
        }
    }

    /// <summary>Mean loss and accuracy over the test split (in batches, without gradients); nulls without a test split.</summary>
    private (double? Loss, double? Accuracy) Evaluate()
    {
        if (_test is null) return (null, null);
        _model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var batch = Math.Max(_options.Config.Batch, 256);
        using var held = new HeldScalars();
        var lossSum = zeros(1, dtype: float64, device: _device).reshape();
        var correctSum = zeros(1, dtype: float64, device: _device).reshape();
        long count = 0, targets = 0;
        for (long start = 0; start < _test.Count; start += batch)
        {
            var indices = Enumerable.Range(0, (int)Math.Min(batch, _test.Count - start)).Select(i => start + i).ToArray();
            var (x, y) = _test.Gather(indices, _device);
            var output = _model.call(x);
            var n = y.numel();
            lossSum.add_(LossOf(output, y).to(float64).mul(held[n]), held[1.0]); // held Scalars, see TrainStep
            if (!_test.IsLanguageModel) correctSum.add_(output.argmax(-1).eq(y).to(float64).sum(), held[1.0]);
            targets += n;
            count += indices.Length;
        }
        var loss = lossSum.item<double>() / targets;
        double? accuracy = _test.IsLanguageModel ? null : correctSum.item<double>() / targets;
        _board?.add_scalar("eval_loss", (float)loss, (int)_step);
        if (accuracy is { } a) _board?.add_scalar("eval_accuracy", (float)a, (int)_step);
        return (loss, accuracy);
    }

    private RunSummary Summary()
    {
        var finalLoss = _final.Loss;
        var diverged = _status == RunSummary.DivergedStatus
            || (_status == RunSummary.Finished && (!double.IsFinite(finalLoss) || !(finalLoss < _initialLoss)));
        long? divergedAt = diverged ? _divergedAt ?? _diagnoser.FirstNonFinite ?? _diagnoser.Findings.FirstOrDefault()?.FromStep : null;
        return new RunSummary(_options.Config, _status, _step, WallSeconds, _initialLoss, _final, diverged, divergedAt,
            _diagnoser.Findings.ToArray(), _guardEvents.ToArray(), _scheduleEvents.ToArray());
    }
}
