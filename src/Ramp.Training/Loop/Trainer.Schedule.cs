using System.Globalization;
using Ramp.Schedules.Composition;
using Ramp.Training.Monitoring;
using Ramp.Training.Runs;
using Ramp.Training.Tuning.AutoWarmup;

namespace Ramp.Training.Loop;

/// <summary>The metric-driven parts of the schedule: the plateau rule's metric and the automatic warmup.</summary>
public sealed partial class Trainer
{
    private AutoWarmupController? _auto;
    private AutoWarmupState? _autoState;
    private AutoWarmupClock _autoClock;
    private readonly List<RunEvent> _scheduleEvents = [];
    private readonly SortedDictionary<long, (double Sum, int Count)> _epochLosses = [];
    private IReadOnlyList<KeyValuePair<string, LayerStats>> _lastLayers = [];

    private void CreateAutoWarmup(AutoWarmupSpec? spec)
    {
        if (spec is null) return;
        _auto = new AutoWarmupController(AutoWarmupSpecs.Options(spec, _options.Config.Optimizer));
        _autoState = _auto.Start();
        _autoClock = spec.Clock;
    }

    /// <summary>
    /// While warming, the next step trains at the controller's factor times the schedule after warmup, which counts
    /// the run's steps (<see cref="AutoWarmupClock.Run"/>) or waits at its step 0 (<see cref="AutoWarmupClock.AfterWarmup"/>).
    /// </summary>
    private void BeforeAutoStep()
    {
        if (_autoState is { Phase: AutoWarmupPhase.Warming } s) _binder.SetMultiplier(s.Factor, AutoOrigin);
    }

    /// <summary>The applied step at which the schedule after warmup has its step 0, were warmup to end now.</summary>
    private long AutoOrigin => _autoClock == AutoWarmupClock.Run ? 0 : _binder.Step;

    /// <summary>
    /// Feeds the step just run to the controller. It needs every step's signals on the host, so while warming each
    /// step is read back at once (the batched read-back resumes when warmup ends).
    /// </summary>
    private void AfterAutoStep()
    {
        if (_auto is null || _autoState is not { Phase: AutoWarmupPhase.Warming } state) return;
        Flush();
        if (_lastRows.Count == 0) return;
        var row = _lastRows.Last();
        var ratios = _lastLayers.Where(l => l.Value.UpdateRatio is not null).Select(l => new LayerUpdateRatio(l.Key, l.Value.UpdateRatio!.Value)).ToArray();
        var result = _auto.Observe(state, new TrainingSignals(row.Loss, row.GradNorm, ratios, row.NonFinite));
        _autoState = result.State;
        if (result.Decision is { } d)
        {
            var name = d.Action switch
            {
                WarmupAction.BackOff => "back_off", WarmupAction.GaveUp => "gave_up", WarmupAction.Done => "done", _ => "hold",
            };
            var gate = d.Gate.Length > 0 ? $"{d.Gate}: " : "";
            ScheduleEvent(row.Step, RunEvent.AutoWarmup, name,
                F($"{gate}{d.Reason}; lr factor {d.FactorBefore:G4} -> {d.FactorAfter:G4} of the target"), d.FactorAfter);
        }
        if (result.State.Phase != AutoWarmupPhase.Warming)
            _binder.SetMultiplier(result.State.Phase == AutoWarmupPhase.Done ? 1 : result.State.Factor, AutoOrigin);
    }

    /// <summary>
    /// The plateau rule's metric without periodic evaluation: the mean training loss of each finished epoch
    /// (finite losses of all its attempted steps).
    /// </summary>
    private void EndOfEpoch(long finished)
    {
        if (_binder.Schedules.Plateau is null || PlateauOnEval) return;
        Flush();
        for (var e = finished; e < _epoch; e++)
        {
            if (_epochLosses.Remove(e, out var l) && l.Count > 0)
                ObservePlateau(l.Sum / l.Count, F($"mean training loss of epoch {e}"));
        }
    }

    /// <summary>With <c>--eval-every</c> and a test split the plateau rule observes the evaluation loss.</summary>
    private bool PlateauOnEval => _options.Config.EvalEvery > 0 && _test is not null;

    private void PeriodicEvaluation()
    {
        var (loss, _) = Evaluate();
        if (_binder.Schedules.Plateau is not null && PlateauOnEval && loss is { } l) ObservePlateau(l, "evaluation loss");
    }

    private void ObservePlateau(double metric, string what)
    {
        var before = _binder.Plateau!.Factors.ToArray();
        _binder.Observe(metric);
        var after = _binder.Plateau!.Factors;
        if (before.SequenceEqual(after)) return;
        ScheduleEvent(_step, RunEvent.Schedule, "plateau",
            F($"{what} {metric:G5} did not improve for the rule's patience; lr factor {before[0]:G4} -> {after[0]:G4}"), after[0]);
    }

    private void AddEpochLoss(long epoch, double loss)
    {
        if (!double.IsFinite(loss)) return;
        var (sum, count) = _epochLosses.GetValueOrDefault(epoch);
        _epochLosses[epoch] = (sum + loss, count + 1);
    }

    private void ScheduleEvent(long step, string kind, string name, string message, double value)
    {
        var e = new RunEvent(step, kind, name, null, message, value);
        _scheduleEvents.Add(e);
        _folder.AppendEvents([e]);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
