using System.Diagnostics;
using Ramp.Runs;
using Ramp.Training.Data;
using Ramp.Training.Diagnosis;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;
using Ramp.Training.Runs;
using Ramp.Training.Tuning.AutoWarmup;
using Ramp.Training.Checkpoints;

namespace Ramp.Training.Loop;

/// <summary>
/// Everything the loop writes to its run folder: every <c>ReadBackEvery</c> steps it reads the pending steps back in
/// one transfer, explains the device guards' decisions, diagnoses the rows and appends rows, events and TensorBoard
/// scalars; it keeps what the summary needs (initial and final losses, guard and schedule events, wall time) and
/// rebuilds it from the folder after a resume or a roll-back.
/// </summary>
internal sealed class RunRecorder
{
    private readonly RunFolder _folder;
    private readonly TrainerOptions _options;
    private readonly StepMonitor _monitor;
    private readonly GuardChain _guards;
    private readonly RunVerdict _verdict;
    private readonly ITrainingData _train;
    private readonly BoardWriter _board;
    private readonly List<PendingRow> _pending = [];
    private readonly Queue<StepRecord> _lastRows = new();
    private readonly SortedDictionary<long, (double Sum, int Count)> _epochLosses = [];
    private readonly List<RunEvent> _guardEvents = [], _scheduleEvents = [];
    private readonly Stopwatch _clock = new();
    private MetricsWriter? _metrics;
    private readonly IReadOnlyList<string> _optimizerScalars;
    private Diagnoser _diagnoser;
    private double _wallBefore;

    /// <summary>Records for the loop; <paramref name="optimizerScalars"/> names the optimizer's own scalars
    /// (<see cref="Optimizers.IOptimizerScalars"/>), read back after the guards' values (empty for an optimizer without any).</summary>
    public RunRecorder(RunFolder folder, TrainerOptions options, StepMonitor monitor, GuardChain guards, RunVerdict verdict,
        ITrainingData train,
        IReadOnlyList<string> optimizerScalars)
    {
        (_folder, _options, _monitor, _guards, _verdict, _train) = (folder, options, monitor, guards, verdict, train);
        _optimizerScalars = optimizerScalars;
        _board = new BoardWriter(folder, options.Monitor.TensorBoard, options.Config.Steps);
        _diagnoser = NewDiagnoser();
    }

    /// <summary>Loss of the run's first step (NaN before it is read back).</summary>
    public double InitialLoss { get; private set; } = double.NaN;

    /// <summary>The final numbers: the last read-back window's mean loss and accuracy, and the last evaluation.</summary>
    public FinalMetrics Final { get; set; } = new(double.NaN, null, null, null);

    /// <summary>The last row read back (the automatic warmup reads it).</summary>
    public StepRecord? LastRow => _lastRows.Count == 0 ? null : _lastRows.Last();

    /// <summary>The per-layer numbers of the last row read back, kept even when the rows leave them out.</summary>
    public IReadOnlyList<KeyValuePair<string, LayerStats>> LastLayers { get; private set; } = [];

    /// <summary>Training seconds, summed over resumes.</summary>
    public double WallSeconds => _wallBefore + _clock.Elapsed.TotalSeconds;

    /// <summary>The TensorBoard writer.</summary>
    public BoardWriter Board => _board;

    /// <summary>Opens the metrics files and TensorBoard and starts the clock.</summary>
    public void Open(bool resumed, long step, int groups, bool momentum)
    {
        _metrics = new MetricsWriter(_folder.Path, groups, momentum, _optimizerScalars);
        _board.Open(resumed, step);
        _clock.Start();
    }

    /// <summary>Queues a step's host numbers until its device numbers are read back.</summary>
    public void Add(PendingRow row) => _pending.Add(row);

    /// <summary>Appends <paramref name="e"/> to <c>events.jsonl</c> at once and keeps it for the summary.</summary>
    public void Event(RunEvent e)
    {
        (e.Kind == EventKind.Guard ? _guardEvents : _scheduleEvents).Add(e);
        _folder.AppendEvents([e]);
    }

    /// <summary>Reads back pending steps, explains device guards, diagnoses the rows and appends them to the run folder.</summary>
    public void Flush()
    {
        if (_pending.Count == 0) return;
        var vectors = _monitor.ReadBack();
        var rows = new List<StepRecord>(vectors.Length);
        var events = new List<RunEvent>();
        var tail = 3 + _monitor.LayerOfParameter.Count;
        for (var i = 0; i < vectors.Length; i++)
        {
            var (p, v) = (_pending[i], vectors[i]);
            var m = _monitor.Decode(v);
            var (loss, gradNorm, layers) = (v.Head[0], m.GradNorm, m.Layers);
            var decisions = _guards.Explain(p.Step, v.Head.AsSpan(tail, _guards.DeviceValueCount), gradNorm).Where(d => d.Acted).ToArray();
            var optimizer = _optimizerScalars.Count == 0 ? null
                : _optimizerScalars.Select((name, k) => new KeyValuePair<string, double>(name, v.Head[tail + _guards.DeviceValueCount
                    + k])).ToArray();
            var nonFinite = !double.IsFinite(loss) || !double.IsFinite(gradNorm);
            var row = new StepRecord(p.Step, p.Epoch, loss, _train.IsLanguageModel ? null : v.Head[1], p.Lrs, p.Momentum,
                gradNorm, m.UpdateRatio, m.WeightNorm, nonFinite, p.HostClipped || decisions.Length > 0, p.Skipped, p.WallMs,
                _options.Monitor.PerLayer ? layers : [], p.ScheduleStep, m.DeadUnits)
            { Optimizer = optimizer };
            if (double.IsNaN(InitialLoss) && p.Step == 0) InitialLoss = row.Loss;
            foreach (var d in decisions) { var e = d.ToEvent(p.Step); _guardEvents.Add(e); events.Add(e); }
            events.AddRange(Diagnose(row with { Layers = layers }));
            LastLayers = layers;
            AddEpochLoss(row.Epoch, row.Loss);
            rows.Add(row);
            if (row.BlewUp && _guards.Rollback is null && _verdict.Running) _verdict.Diverge(row.Step);
        }
        _pending.Clear();
        _metrics!.Append(rows);
        _folder.AppendEvents(events);
        _board.Write(rows);
        RememberLastRows(rows);
        _options.Progress?.Invoke(rows);
    }

    /// <summary>After a resume: the saved losses and wall time, the kept events, the diagnosis replayed over the kept rows.</summary>
    public void Resume(CheckpointInfo info)
    {
        (InitialLoss, _wallBefore) = (info.InitialLoss, info.WallSeconds);
        var kept = _folder.ReadEvents();
        _guardEvents.AddRange(kept.Where(e => e.Kind == EventKind.Guard));
        _scheduleEvents.AddRange(kept.Where(e => e.Kind is EventKind.AutoWarmup or EventKind.Schedule));
        Replay(info.Epoch);
    }

    /// <summary>
    /// After a roll-back to the checkpoint at <paramref name="step"/>: drops the steps not read back and the rows from
    /// <paramref name="step"/> on (the events that explain the roll-back stay), and rebuilds diagnosis and TensorBoard.
    /// </summary>
    public void RollBack(long step, long epoch)
    {
        Flush();
        _folder.TruncateFrom(step, events: false);
        Replay(epoch);
        _board.Replace(step);
    }

    /// <summary>Takes the mean of the finite training losses of <paramref name="epoch"/>, if it had any.</summary>
    public bool TakeEpochMean(long epoch, out double mean)
    {
        mean = double.NaN;
        if (!_epochLosses.Remove(epoch, out var l) || l.Count == 0) return false;
        mean = l.Sum / l.Count;
        return true;
    }

    /// <summary>The summary at <paramref name="step"/>, as <c>summary.json</c> holds it, with what the automatic warmup did (null without
    /// one).</summary>
    public RunSummary Summary(long step, AutoWarmupOutcome? autoWarmup)
    {
        var config = _options.RecordedConfig();
        var verdict = _verdict.Judge(config, Final.Loss, InitialLoss, _diagnoser);
        return new RunSummary(config, _verdict.Status(verdict), step, WallSeconds, InitialLoss, Final, verdict.Diverged, verdict.At,
            _diagnoser.Findings.ToArray(), _guardEvents.ToArray(), _scheduleEvents.ToArray(), autoWarmup);
    }

    private List<RunEvent> Diagnose(StepRecord row)
    {
        var events = new List<RunEvent>(_diagnoser.Observe(row));
        foreach (var (relu, fraction) in row.DeadUnits ?? []) events.AddRange(_diagnoser.ObserveDeadUnits(row.Step, relu, fraction));
        return events;
    }

    /// <summary>Rebuilds the diagnosis, the final-loss window and the open epochs' losses from the rows on disk.</summary>
    private void Replay(long epoch)
    {
        _diagnoser = NewDiagnoser();
        _epochLosses.Clear();
        _lastRows.Clear();
        var records = _folder.ReadRecords();
        // The kept rows' last window is the final loss until new rows arrive (a finished run resumed adds none).
        RememberLastRows(records.TakeLast(_options.Monitor.ReadBackEvery));
        foreach (var r in records)
        {
            Diagnose(r);
            if (r.Epoch >= epoch) AddEpochLoss(r.Epoch, r.Loss);
        }
    }

    /// <summary>The final loss and accuracy are the means over the last read-back window of rows.</summary>
    private void RememberLastRows(IEnumerable<StepRecord> rows)
    {
        foreach (var r in rows) { _lastRows.Enqueue(r); if (_lastRows.Count > _options.Monitor.ReadBackEvery) _lastRows.Dequeue(); }
        if (_lastRows.Count == 0) return;
        Final = Final with
        {
            Loss = _lastRows.Average(r => r.Loss),
            Accuracy = _train.IsLanguageModel ? null : _lastRows.Average(r => r.Accuracy ?? double.NaN),
        };
    }

    private void AddEpochLoss(long epoch, double loss)
    {
        if (!double.IsFinite(loss)) return;
        var (sum, count) = _epochLosses.GetValueOrDefault(epoch);
        _epochLosses[epoch] = (sum + loss, count + 1);
    }

    private Diagnoser NewDiagnoser() => new(new DiagnosisOptions(_train.Classes, _options.Config.Steps));
}
