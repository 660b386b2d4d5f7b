using Ramp.Runs;
using System.Globalization;
using Ramp.Schedules.Composition;
using Ramp.Training.Binding;
using Ramp.Training.Monitoring;
using Ramp.Training.Runs;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Loop;

/// <summary>
/// The metric-driven parts of the schedule: the automatic warmup (<c>auto(...)</c>), which sets the binder's
/// multiplier step by step, and the plateau rule's metric (the evaluation loss with <c>--eval-every</c>, else the mean
/// training loss of each finished epoch). Their decisions are <c>auto_warmup</c> and <c>schedule</c> events.
/// </summary>
internal sealed class ScheduleDriver
{
    private readonly ScheduleBinder _binder;
    private readonly RunRecorder _recorder;
    private readonly AutoWarmupController? _auto;
    private readonly AutoWarmupClock _clock;
    private readonly bool _plateauOnEval;
    private readonly double _baseLr;

    public ScheduleDriver(ScheduleBinder binder, RunRecorder recorder, AutoWarmupSpec? spec, string optimizer, double baseLr,
        bool plateauOnEval)
    {
        (_binder, _recorder, _baseLr, _plateauOnEval) = (binder, recorder, baseLr, plateauOnEval);
        if (spec is null) return;
        _auto = new AutoWarmupController(AutoWarmupSpecs.Options(spec, optimizer));
        State = _auto.Start();
        _clock = spec.Clock;
    }

    /// <summary>The automatic warmup's state (checkpointed), or null without <c>auto(...)</c>.</summary>
    public AutoWarmupState? State { get; private set; }

    /// <summary>What the automatic warmup did so far, for the summary (towards the run's base lr times the spec's target), or null without
    /// one.</summary>
    public AutoWarmupOutcome? Outcome => _auto is { } a && State is { } s ? WarmupOutcome.Of(s, _baseLr * a.Options.TargetLr) : null;

    /// <summary>Whether the automatic warmup is warming (every step is then a detail step, read back at once).</summary>
    public bool Warming => State is { Phase: AutoWarmupPhase.Warming };

    /// <summary>Restores the warmup's state from a checkpoint (also after a roll-back).</summary>
    public void Restore(AutoWarmupState? state) => State = _auto is null ? null : state ?? _auto.Start();

    /// <summary>
    /// While warming, the next step trains at the controller's factor times the schedule after warmup, which counts
    /// the run's steps (<see cref="AutoWarmupClock.Run"/>) or waits at its step 0 (<see cref="AutoWarmupClock.AfterWarmup"/>).
    /// </summary>
    public void BeforeStep()
    {
        if (State is { Phase: AutoWarmupPhase.Warming } s) _binder.SetMultiplier(s.Factor, Origin);
    }

    /// <summary>
    /// Feeds the step just run to the controller. It needs every step's signals on the host, so while warming each
    /// step is read back at once (the batched read-back resumes when warmup ends).
    /// </summary>
    public void AfterStep()
    {
        if (_auto is null || State is not { Phase: AutoWarmupPhase.Warming } state) return;
        _recorder.Flush();
        if (_recorder.LastRow is not { } row) return;
        var ratios = _recorder.LastLayers.Where(l => l.Value.UpdateRatio is not null)
            .Select(l => new LayerUpdateRatio(l.Key, l.Value.UpdateRatio!.Value)).ToArray();
        var result = _auto.Observe(state, new TrainingSignals(row.Loss, row.GradNorm, ratios, row.NonFinite));
        State = result.State;
        if (result.Decision is { } d)
        {
            var name = d.Action switch
            {
                WarmupAction.BackOff => "back_off",
                WarmupAction.GaveUp => "gave_up",
                WarmupAction.Done => "done",
                _ => "hold",
            };
            // The gate is named in plain words first: it is what a reader of the events looks for.
            var gate = d.Gate.Length == 0 ? ""
                : d.Action == WarmupAction.BackOff ? $"the {d.Gate} gate backed off: " : $"the {d.Gate} gate held the rate: ";
            Event(row.Step, EventKind.AutoWarmup, name,
                F($"{gate}{d.Reason}; lr factor {d.FactorBefore:G4} -> {d.FactorAfter:G4} of the target"), d.FactorAfter);
        }
        if (result.State.Phase != AutoWarmupPhase.Warming)
            _binder.SetMultiplier(result.State.Phase == AutoWarmupPhase.Done ? 1 : result.State.Factor, Origin);
    }

    /// <summary>Without periodic evaluation the plateau rule observes the mean training loss of each finished epoch.</summary>
    public void EndOfEpoch(long finished, long current, long step)
    {
        if (_binder.Schedules.Plateau is null || _plateauOnEval) return;
        _recorder.Flush();
        for (var e = finished; e < current; e++)
            if (_recorder.TakeEpochMean(e, out var mean)) ObservePlateau(mean, F($"mean training loss of epoch {e}"), step);
    }

    /// <summary>With <c>--eval-every</c> and a test split the plateau rule observes the evaluation loss.</summary>
    public void AfterEvaluation(double? loss, long step)
    {
        if (_binder.Schedules.Plateau is not null && _plateauOnEval && loss is { } l) ObservePlateau(l, "evaluation loss", step);
    }

    /// <summary>The applied step at which the schedule after warmup has its step 0, were warmup to end now.</summary>
    private long Origin => _clock == AutoWarmupClock.Run ? 0 : _binder.Step;

    private void ObservePlateau(double metric, string what, long step)
    {
        var before = _binder.Plateau!.Factors.ToArray();
        _binder.Observe(metric);
        var after = _binder.Plateau!.Factors;
        if (before.SequenceEqual(after)) return;
        Event(step, EventKind.Schedule, "plateau",
            F($"{what} {metric:G5} did not improve for the rule's patience; lr factor {before[0]:G4} -> {after[0]:G4}"), after[0]);
    }

    private void Event(long step, EventKind kind, string name, string message, double value) =>
        _recorder.Event(new RunEvent(step, kind, name, null, message, value));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
