using System.Diagnostics;
using Ramp.Schedules;
using Ramp.Training.Diagnosis;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;
using Ramp.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

/// <summary>
/// The training loop: for each step it writes the schedule's learning rates into the optimizer's groups, runs the
/// batch, applies the guards, steps the optimizer and measures everything on the device; every
/// <see cref="MonitorOptions.ReadBackEvery"/> steps it reads the numbers back, diagnoses them and appends them to
/// the run folder; it checkpoints, evaluates on the test split at the end, and writes the summary.
/// Deterministic for a seed on the CPU: the data order comes from <see cref="DataOrder"/>, the rest from torch's
/// generator, whose state is checkpointed.
/// </summary>
public sealed partial class Trainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly ITrainingData _train;
    private readonly ITrainingData? _test;
    private readonly OptimizerHelper _optimizer;
    private readonly ScheduleSet _schedules;
    private readonly TrainerOptions _options;
    private readonly Device _device;
    private readonly RunFolder _folder;
    private readonly StepMonitor _monitor;
    private readonly DataOrder _order;
    private readonly torch.optim.ILearningRateController[] _groups;
    private readonly TrainingHooks _hooks;
    private Diagnoser _diagnoser;
    private MetricsWriter? _metrics;
    private SummaryWriter? _board;
    private readonly List<PendingRow> _pending = [];
    private readonly List<RunEvent> _guardEvents = [];
    private long _step, _epoch, _batchIndex;
    private double _initialLoss = double.NaN, _wallBefore;
    private RollbackState _rollback = new();
    private string _status = RunSummary.Running;
    private long? _divergedAt;
    private FinalMetrics _final = new(double.NaN, null, null, null);
    private readonly Stopwatch _clock = new();

    /// <summary>Prepares a run; nothing is written until <see cref="Run"/>.</summary>
    /// <param name="model">The model, already initialised (seed torch before building it) and on <paramref name="options"/>' device.</param>
    /// <param name="train">Training split.</param>
    /// <param name="test">Test split for evaluation, or null.</param>
    /// <param name="optimizer">The optimizer over the model's parameters.</param>
    /// <param name="schedules">The schedule bound to the optimizer's groups (absolute learning rates).</param>
    /// <param name="options">Steps, guards, monitoring, run folder.</param>
    public Trainer(nn.Module<Tensor, Tensor> model, ITrainingData train, ITrainingData? test, OptimizerHelper optimizer,
        ScheduleSet schedules, TrainerOptions options)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _train = train ?? throw new ArgumentNullException(nameof(train));
        _test = test;
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _schedules = schedules ?? throw new ArgumentNullException(nameof(schedules));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Guards.Validated();
        options.Monitor.Validated();
        if (options.Config.Steps < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Config.Steps, "train: steps must be at least 1");
        _groups = ((torch.optim.Optimizer)optimizer).ParamGroups.ToArray();
        if (_groups.Length != schedules.Groups)
            throw new ArgumentException($"train: the schedule has {schedules.Groups} group(s) but the optimizer has {_groups.Length}", nameof(schedules));
        _device = torch.device(options.Config.Device);
        _folder = new RunFolder(options.OutDir);
        _monitor = new StepMonitor(model);
        _order = new DataOrder(train.Count, options.Config.Batch, options.Config.Seed);
        _hooks = options.Hooks ?? TrainingHooks.None;
        _diagnoser = NewDiagnoser();
        CreateGuards();
    }

    private long TotalSteps => _options.Config.Steps;

    /// <summary>Trains to the configured number of steps (or until divergence) and returns the summary.</summary>
    public TrainResult Run()
    {
        var resumed = _options.Resume && _folder.ReadCheckpointInfo() is { } info && Restore(info);
        if (!resumed) StartFresh();
        _metrics = new MetricsWriter(_folder.Path, _groups.Length, _schedules.Momentum is not null);
        if (_options.Monitor.TensorBoard) _board = torch.utils.tensorboard.SummaryWriter(_folder.Path, createRunName: false);
        _clock.Start();
        if (_options.Guards.Rollback is not null && !resumed) SaveCheckpoint();
        while (_step < TotalSteps && _status == RunSummary.Running)
        {
            var step = _step;
            TrainStep();
            if (_step <= step) continue; // rolled back
            if (_step % _options.Monitor.ReadBackEvery == 0) Flush();
            if (_options.CheckpointEvery > 0 && _step % _options.CheckpointEvery == 0 && _step < TotalSteps && _status == RunSummary.Running)
                SaveCheckpoint();
            if (_options.Config.EvalEvery > 0 && _step % _options.Config.EvalEvery == 0 && _step < TotalSteps) Evaluate();
            if (_hooks.CrashAfter?.Invoke(step) == true)
                return new TrainResult(Summary(), Crashed: true);
        }
        Flush();
        if (_status == RunSummary.Running) _status = RunSummary.Finished;
        var (evalLoss, evalAccuracy) = Evaluate();
        _final = _final with { EvalLoss = evalLoss, EvalAccuracy = evalAccuracy };
        if (_status == RunSummary.Finished) SaveCheckpoint();
        var summary = Summary();
        _folder.WriteSummary(summary);
        return new TrainResult(summary, Crashed: false);
    }

    private void StartFresh()
    {
        if (File.Exists(_folder.MetricsCsv) || File.Exists(_folder.LatestCheckpoint))
            throw new InvalidOperationException($"train: {_folder.Path} already holds a run; pass --resume to continue it or choose another --out");
        _folder.WriteConfig(_options.Config);
    }

    private bool Restore(CheckpointInfo info)
    {
        Checkpointer.Load(_folder, info, _model, _optimizer);
        _folder.TruncateFrom(info.Step, events: true);
        _guardEvents.Clear();
        _guardEvents.AddRange(RunFiles.ReadEvents(_folder.EventsFile).Where(e => e.Kind == RunEvent.Guard));
        ReplayDiagnosis();
        (_step, _epoch, _batchIndex) = (info.Step, info.Epoch, info.BatchInEpoch);
        (_rollback, _initialLoss, _wallBefore) = (info.Rollback, info.InitialLoss, info.WallSeconds);
        RestoreGuards(info);
        return true;
    }

    private void ReplayDiagnosis()
    {
        _diagnoser = NewDiagnoser();
        foreach (var r in RunFiles.ReadRecords(_folder.MetricsJsonl)) _diagnoser.Observe(r);
    }

    private Diagnoser NewDiagnoser() => new(new DiagnosisOptions(_train.Classes, TotalSteps));

    private void SaveCheckpoint()
    {
        Flush();
        Checkpointer.Save(_folder, _model, _optimizer, new CheckpointInfo(_step, _epoch, _batchIndex, "", "", "", null, _rollback,
            _zclip?.Moments, _skip?.Losses.Snapshot(), _skip?.Norms.Snapshot(), _initialLoss, WallSeconds));
        _folder.WriteSummary(Summary());
    }

    private double WallSeconds => _wallBefore + _clock.Elapsed.TotalSeconds;

    /// <inheritdoc />
    public void Dispose()
    {
        _monitor.Dispose();
    }
}
