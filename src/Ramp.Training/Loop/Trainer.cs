using Ramp.Runs;
using Ramp.Schedules;
using Ramp.Schedules.Composition;
using Ramp.Training.Binding;
using Ramp.Training.Checkpoints;
using Ramp.Training.Data;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;
using Ramp.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

/// <summary>
/// The training loop. Each step the <see cref="StepExecutor"/> runs the batch (the <see cref="ScheduleBinder"/>'s
/// rates, forward, backward, accumulation), the <see cref="GuardChain"/> decides, and the update is applied, skipped
/// or rolled back; the <see cref="RunRecorder"/> reads the numbers back every <see cref="MonitorOptions.ReadBackEvery"/>
/// steps and writes rows, events and TensorBoard; the <see cref="ScheduleDriver"/> feeds the plateau rule and drives
/// an automatic warmup; checkpoints are written on schedule; at the end the test split is evaluated and the summary
/// written with the run's verdict. Deterministic for a seed on the CPU: the data order comes from
/// <see cref="DataOrder"/>, the rest from torch's generator, whose state is checkpointed.
/// <para>An optimizer that is an <see cref="ITrainEvalSwitch"/> (Schedule-Free) is evaluated and checkpointed at its
/// evaluation point: <see cref="ITrainEvalSwitch.Eval"/> before each evaluation and checkpoint, and
/// <see cref="ITrainEvalSwitch.Train"/> just before each step, so after an evaluation, a checkpoint or a load (resume,
/// roll-back: checkpoints hold the evaluation point) the next step swaps back. Deferring the swap back makes every
/// swap pair the same in an uninterrupted and a resumed run, so the two stay equal bit for bit, and a finished run
/// resumed is evaluated at the very point it was saved at. After <see cref="Run"/> the model holds the evaluation
/// point, the one to keep.</para>
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly OptimizerHelper _optimizer;
    private readonly ScheduleBinder _binder;
    private readonly TrainerOptions _options;
    private readonly RunFolder _folder;
    private readonly StepMonitor _monitor;
    private readonly GuardChain _guards;
    private readonly StepExecutor _executor;
    private readonly RunRecorder _recorder;
    private readonly ScheduleDriver _schedule;
    private readonly Evaluator _evaluator;
    private readonly RunVerdict _verdict = new();
    private readonly ITrainEvalSwitch? _switch;
    private long _step;

    /// <summary>Prepares a run with a bound schedule set; nothing is written until <see cref="Run"/>.</summary>
    /// <param name="model">The model, already initialised (seed torch before building it) and on <paramref name="options"/>'
    /// device.</param>
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
        ArgumentNullException.ThrowIfNull(train);
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _switch = optimizer as ITrainEvalSwitch;
        ArgumentNullException.ThrowIfNull(schedules);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var config = options.Config;
        options.Monitor.Validated();
        if (config.Steps < 1) throw new RampArgumentException(nameof(options), config.Steps, "train: steps must be at least 1");
        if (config.Accumulate < 1) throw new RampArgumentException(nameof(options), config.Accumulate,
            "train: accumulate must be at least 1");
        var groups = ((torch.optim.Optimizer)optimizer).ParamGroups.Count();
        if (groups != schedules.Groups)
            throw RampArgumentException.For($"train: the schedule has {schedules.Groups} group(s) but the optimizer has {groups}",
                nameof(schedules));
        _binder = new ScheduleBinder((torch.optim.Optimizer)optimizer, schedules);
        var device = torch.device(config.Device);
        _folder = new RunFolder(options.OutDir);
        _monitor = new StepMonitor(model);
        _guards = new GuardChain(options.Guards);
        _executor = new StepExecutor(model, train, new DataOrder(train.Count, config.Batch, config.Seed), optimizer, _binder, _monitor,
            _guards, device, config.Accumulate, options.Hooks.InjectNaN);
        _recorder = new RunRecorder(_folder, options, _monitor, _guards, _verdict, train,
            (optimizer as IOptimizerScalars)?.ScalarNames ?? []);
        _schedule = new ScheduleDriver(_binder, _recorder, auto, config.Optimizer, config.Lr, plateauOnEval: config.EvalEvery > 0
            && test is not null);
        _evaluator = new Evaluator(model, test, device, Math.Max(config.Batch, 256), config.EvalWindows);
    }

    private static ScheduleSet BindSpec(ScheduleSpec spec, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(optimizer);
        return spec.Bind(((torch.optim.Optimizer)optimizer).ParamGroups.Select(g => g.InitialLearningRate).ToArray());
    }

    /// <summary>The binder writing the learning rates (its step counts applied optimizer steps).</summary>
    public ScheduleBinder Binder => _binder;

    /// <summary>Trains to the configured number of steps (or until divergence) and returns the summary.</summary>
    public TrainResult Run()
    {
        var info = _options.Resume ? _folder.ReadCheckpointInfo<CheckpointInfo>() : null;
        var position = info is null ? StartFresh() : Resume(info);
        _recorder.Open(resumed: info is not null, _step, _binder.Schedules.Groups, _binder.Schedules.Momentum is not null);
        if (_guards.Rollback is not null && info is null) SaveCheckpoint(position);
        var end = Math.Min(_options.Config.Steps, _options.PauseAt ?? long.MaxValue);
        while (_step < end && _verdict.Running)
        {
            _schedule.BeforeStep();
            _switch?.Train();
            var result = _executor.Run(_step, position, _step % _options.Monitor.DetailEvery == 0 || _schedule.Warming);
            foreach (var decision in result.Decisions.Where(d => d.Acted
                && d.Action != GuardAction.RollBack)) _recorder.Event(decision.ToEvent(_step));
            if (result.Outcome == StepOutcome.Stopped) _verdict.Diverge(_step);
            if (result.Outcome == StepOutcome.RolledBack) RollBack(_step, result.Halt.Reason, result.Next);
            var epochBefore = position.Epoch;
            position = result.Next; // after a roll-back too: the batches up to the failing one are not replayed
            if (result.Row is null) continue;
            _recorder.Add(result.Row);
            AfterStep(epochBefore, position);
            if (_options.Hooks.CrashAfter?.Invoke(_step - 1) == true) return new TrainResult(_recorder.Summary(_step,
                _schedule.Outcome), Crashed: true);
        }
        if (_step < _options.Config.Steps && _verdict.Running) return Pause(position);
        _recorder.Flush();
        _verdict.Finish();
        var (evalLoss, evalAccuracy) = Evaluate();
        _recorder.Final = _recorder.Final with { EvalLoss = evalLoss, EvalAccuracy = evalAccuracy };
        if (!_verdict.Stopped) SaveCheckpoint(position);
        var summary = _recorder.Summary(_step, _schedule.Outcome);
        _folder.WriteSummary(summary);
        return new TrainResult(summary, Crashed: false);
    }

    // Paused before the end: a checkpoint at this step (unless the periodic one just wrote it) and a running summary.
    private TrainResult Pause(DataPosition position)
    {
        if (_folder.ReadCheckpointInfo<CheckpointInfo>()?.Step != _step) SaveCheckpoint(position);
        return new TrainResult(_recorder.Summary(_step, _schedule.Outcome), Crashed: false);
    }

    /// <summary>After a step that counts: warmup, read-back, epoch end, periodic evaluation, checkpoint.</summary>
    private void AfterStep(long epochBefore, DataPosition position)
    {
        _step++;
        _schedule.AfterStep();
        if (_step % _options.Monitor.ReadBackEvery == 0) _recorder.Flush();
        if (position.Epoch > epochBefore) _schedule.EndOfEpoch(epochBefore, position.Epoch, _step);
        var before = _step < _options.Config.Steps;
        if (_options.Config.EvalEvery > 0 && _step % _options.Config.EvalEvery == 0
            && before) _schedule.AfterEvaluation(Evaluate().Loss, _step);
        if (_options.CheckpointEvery > 0 && _step % _options.CheckpointEvery == 0 && before && _verdict.Running) SaveCheckpoint(position);
    }

    private DataPosition StartFresh()
    {
        if (File.Exists(_folder.MetricsCsv) || File.Exists(_folder.LatestCheckpoint))
            throw new InvalidOperationException($"train: {_folder.Path} already holds a run; pass --resume to continue it or choose " +
                "another --out");
        _folder.WriteConfig(_options.RecordedConfig());
        return DataPosition.Start;
    }

    /// <summary>Resumes from a checkpoint: tensors, binder, warmup and guard states, then the rows, events and diagnosis kept.</summary>
    private DataPosition Resume(CheckpointInfo info)
    {
        Checkpointer.Load(_folder, info, _model, _optimizer);
        _folder.TruncateFrom(info.Step, events: true);
        _step = info.Step;
        RestoreState(info, rollingBack: false);
        _recorder.Resume(info);
        return new DataPosition(info.Epoch, info.BatchInEpoch);
    }

    /// <summary>
    /// Returns to the last checkpoint (weights, optimizer, binder, warmup and guard states), lowers the peak and
    /// re-warms through the binder's overlay; the loop goes on with the batches after the failing step.
    /// </summary>
    private void RollBack(long failedStep, string reason, DataPosition next)
    {
        var trigger = _guards.Rollback!;
        if (_folder.ReadCheckpointInfo<CheckpointInfo>() is not { } info)
        {
            _recorder.Event(new GuardDecision(trigger.Name, GuardAction.Stop,
                $"no checkpoint to roll back to ({reason}); the run has diverged", double.NaN).ToEvent(failedStep));
            _verdict.Diverge(failedStep);
            return;
        }
        _recorder.Flush();
        Checkpointer.Load(_folder, info, _model, _optimizer);
        RestoreState(info, rollingBack: true);
        _binder.SetOverlay(trigger.RolledBack(_binder.Step));
        var events = trigger.Explain(failedStep, info.Step, reason);
        _recorder.Event(events[0].ToEvent(failedStep));
        _recorder.Event(events[1].ToEvent(info.Step));
        _step = info.Step;
        _recorder.RollBack(info.Step, next.Epoch);
    }

    private void RestoreState(CheckpointInfo info, bool rollingBack)
    {
        _binder.Restore(info.Binder ?? new BinderState(info.Step));
        _schedule.Restore(info.AutoWarmup);
        _guards.RestoreState(info.Guards, rollingBack);
    }

    private (double? Loss, double? Accuracy) Evaluate()
    {
        _switch?.Eval();
        var (loss, accuracy) = _evaluator.Evaluate();
        if (loss is { } l) _recorder.Board.WriteEvaluation(l, accuracy, _step);
        return (loss, accuracy);
    }

    private void SaveCheckpoint(DataPosition position)
    {
        _recorder.Flush();
        _switch?.Eval();
        Checkpointer.Save(_folder, _model, _optimizer, new CheckpointInfo(_step, position.Epoch, position.Index, "", "", "", _binder.State,
            _guards.SaveState(), _recorder.InitialLoss, _recorder.WallSeconds, _schedule.State));
        _folder.WriteSummary(_recorder.Summary(_step, _schedule.Outcome));
    }

    /// <inheritdoc />
    public void Dispose() => _monitor.Dispose();
}
