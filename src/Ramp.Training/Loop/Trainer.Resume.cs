using Ramp.Training.Binding;
using Ramp.Training.Runs;

namespace Ramp.Training.Loop;

/// <summary>Resuming from a checkpoint: tensors, binder and warmup state, events, diagnosis and epoch losses.</summary>
public sealed partial class Trainer
{
    private bool Restore(CheckpointInfo info)
    {
        Checkpointer.Load(_folder, info, _model, _optimizer);
        _folder.TruncateFrom(info.Step, events: true);
        _guardEvents.Clear();
        _guardEvents.AddRange(RunFiles.ReadEvents(_folder.EventsFile).Where(e => e.Kind == RunEvent.Guard));
        _scheduleEvents.Clear();
        _scheduleEvents.AddRange(RunFiles.ReadEvents(_folder.EventsFile).Where(e => e.Kind is RunEvent.AutoWarmup or RunEvent.Schedule));
        (_step, _epoch, _batchIndex) = (info.Step, info.Epoch, info.BatchInEpoch);
        (_rollback, _initialLoss, _wallBefore) = (info.Rollback, info.InitialLoss, info.WallSeconds);
        RestoreState(info);
        ReplayDiagnosis();
        RestoreGuards(info);
        return true;
    }

    /// <summary>The binder's and the automatic warmup's state from a checkpoint (also after a roll-back).</summary>
    private void RestoreState(CheckpointInfo info)
    {
        _binder.Restore(info.Binder ?? new BinderState(info.Step));
        _autoState = _auto is null ? null : info.AutoWarmup ?? _auto.Start();
    }

    private void ReplayDiagnosis()
    {
        _diagnoser = NewDiagnoser();
        _epochLosses.Clear();
        _lastRows.Clear();
        var records = RunFiles.ReadRecords(_folder.MetricsJsonl);
        // The kept rows' last window is the final loss until new rows arrive (a finished run resumed adds none).
        RememberLastRows(records.TakeLast(_options.Monitor.ReadBackEvery));
        foreach (var r in records)
        {
            _diagnoser.Observe(r);
            foreach (var (relu, fraction) in r.DeadUnits ?? []) _diagnoser.ObserveDeadUnits(r.Step, relu, fraction);
            if (r.Epoch >= _epoch) AddEpochLoss(r.Epoch, r.Loss);
        }
    }
}
