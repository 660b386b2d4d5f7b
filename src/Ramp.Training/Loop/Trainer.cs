using Ramp.Training.Data;
using System.Diagnostics;
using Ramp.Schedules;
using Ramp.Schedules.Composition;
using Ramp.Training.Binding;
using Ramp.Training.Diagnosis;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;
using Ramp.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

/// <summary>
/// The training loop: for each step the <see cref="ScheduleBinder"/> writes the learning rates into the optimizer's
/// groups, the loop runs the batch (or <see cref="RunConfig.Accumulate"/> micro-batches), applies the guards, steps
/// the optimizer, advances the binder when the update was applied, and measures everything on the device; every
/// <see cref="MonitorOptions.ReadBackEvery"/> steps it reads the numbers back, diagnoses them and appends them to
/// the run folder; it feeds a plateau rule, drives an automatic warmup (<c>auto(...)</c>), checkpoints, evaluates
/// on the test split at the end, and writes the summary. Deterministic for a seed on the CPU: the data order comes
/// from <see cref="DataOrder"/>, the rest from torch's generator, whose state is checkpointed.
/// </summary>
public sealed partial class Trainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly ITrainingData _train;
    private readonly ITrainingData? _test;
    private readonly OptimizerHelper _optimizer;
    private readonly ScheduleBinder _binder;
    private readonly TrainerOptions _options;
    private readonly Device _device;
    private readonly RunFolder _folder;
    private readonly StepMonitor _monitor;
    private readonly DataOrder _order;
    private readonly int _groupCount;
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

    /// <summary>Prepares a run with a bound schedule set; nothing is written until <see cref="Run"/>.</summary>
    /// <param name="model">The model, already initialised (seed torch before building it) and on <paramref name="options"/>' device.</param>
    /// <param name="train">Training split.</param>
    /// <param name="test">Test split for evaluation, or null.</param>
    /// <param name="optimizer">The optimizer over the model's parameters.</param>
    /// <param name="schedules">The schedule bound to the optimizer's groups (absolute learning rates).</param>
    /// <param name="options">Steps, guards, monitoring, run folder.</param>
    public Trainer(nn.Module<Tensor, Tensor> model, ITrainingData train, ITrainingData? test, OptimizerHelper optimizer,
        ScheduleSet schedules, TrainerOptions options)
        : this(model, train, test, optimizer, schedules, null, options)
    {
    }

    /// <summary>
    /// Prepares a run with a spec bound to the optimizer groups' initial learning rates; an <see cref="AutoWarmupSpec"/>
    /// runs the automatic warmup before its post-warmup schedule.
    /// </summary>
    /// <exception cref="ArgumentException">The spec does not fit the groups, or an <c>auto(...)</c> parameter is out of range.</exception>
    public Trainer(nn.Module<Tensor, Tensor> model, ITrainingData train, ITrainingData? test, OptimizerHelper optimizer,
        ScheduleSpec spec, TrainerOptions options)
        : this(model, train, test, optimizer, BindSpec(spec, optimizer), spec as AutoWarmupSpec, options)
    {
    }

    private Trainer(nn.Module<Tensor, Tensor> model, ITrainingData train, ITrainingData? test, OptimizerHelper optimizer,
        ScheduleSet schedules, AutoWarmupSpec? auto, TrainerOptions options)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _train = train ?? throw new ArgumentNullException(nameof(train));
        _test = test;
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        ArgumentNullException.ThrowIfNull(schedules);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Guards.Validated();
        options.Monitor.Validated();
        if (options.Config.Steps < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Config.Steps, "train: steps must be at least 1");
        if (options.Config.Accumulate < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Config.Accumulate, "train: accumulate must be at least 1");
        _groupCount = ((torch.optim.Optimizer)optimizer).ParamGroups.Count();
        if (_groupCount != schedules.Groups)
            throw new ArgumentException($"train: the schedule has {schedules.Groups} group(s) but the optimizer has {_groupCount}", nameof(schedules));
        _binder = new ScheduleBinder((torch.optim.Optimizer)optimizer, schedules);
        _device = torch.device(options.Config.Device);
        _folder = new RunFolder(options.OutDir);
        _monitor = new StepMonitor(model);
        _order = new DataOrder(train.Count, options.Config.Batch, options.Config.Seed);
        _hooks = options.Hooks ?? TrainingHooks.None;
        _diagnoser = NewDiagnoser();
        CreateGuards();
        CreateAutoWarmup(auto);
    }

    private static ScheduleSet BindSpec(ScheduleSpec spec, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(optimizer);
        return spec.Bind(((torch.optim.Optimizer)optimizer).ParamGroups.Select(g => g.InitialLearningRate).ToArray());
    }

    private long TotalSteps => _options.Config.Steps;

    /// <summary>The binder writing the learning rates (its step counts applied optimizer steps).</summary>
    public ScheduleBinder Binder => _binder;

    /// <summary>Trains to the configured number of steps (or until divergence) and returns the summary.</summary>
    public TrainResult Run()
    {
        var resumed = _options.Resume && _folder.ReadCheckpointInfo() is { } info && Restore(info);
        if (!resumed) StartFresh();
        _metrics = new MetricsWriter(_folder.Path, _groupCount, _binder.Schedules.Momentum is not null);
        OpenBoard(resumed);
        _clock.Start();
        if (_options.Guards.Rollback is not null && !resumed) SaveCheckpoint();
        while (_step < TotalSteps && _status == RunSummary.Running)
        {
            var (step, epoch) = (_step, _epoch);
            TrainStep();
            if (_step <= step)
            {
                if (_status == RunSummary.Running) ReplaceBoard(); // rolled back: the rows after the checkpoint are gone
                continue;
            }
            AfterAutoStep();
            if (_step % _options.Monitor.ReadBackEvery == 0) Flush();
            if (_epoch > epoch) EndOfEpoch(epoch);
            if (_options.Config.EvalEvery > 0 && _step % _options.Config.EvalEvery == 0 && _step < TotalSteps) PeriodicEvaluation();
            if (_options.CheckpointEvery > 0 && _step % _options.CheckpointEvery == 0 && _step < TotalSteps && _status == RunSummary.Running)
                SaveCheckpoint();
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

    private Diagnoser NewDiagnoser() => new(new DiagnosisOptions(_train.Classes, TotalSteps));

    private void SaveCheckpoint()
    {
        Flush();
        Checkpointer.Save(_folder, _model, _optimizer, new CheckpointInfo(_step, _epoch, _batchIndex, "", "", "", _binder.State, _rollback,
            _zclip?.Moments, _skip?.Losses.Snapshot(), _skip?.Norms.Snapshot(), _initialLoss, WallSeconds, _autoState));
        _folder.WriteSummary(Summary());
    }

    private double WallSeconds => _wallBefore + _clock.Elapsed.TotalSeconds;

    /// <inheritdoc />
    public void Dispose()
    {
        _monitor.Dispose();
    }
}
