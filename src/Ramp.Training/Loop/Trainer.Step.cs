using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Binding;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;
using Ramp.Training.Runs;
using Ramp.Training.Tuning.AutoWarmup;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

public sealed partial class Trainer
{
    private ZClip? _zclip;
    private SpikeSkip? _skip;
    private RollbackTrigger? _trigger;
    private (long Epoch, long Index) _nextPosition;

    private void CreateGuards()
    {
        var g = _options.Guards;
        _zclip = g.ZClip is { } z ? new ZClip(z) : null;
        _skip = g.SkipSpikes is { } s ? new SpikeSkip(s) : null;
        _trigger = g.Rollback is { } r ? new RollbackTrigger(r) : null;
    }

    private void RestoreGuards(CheckpointInfo info)
    {
        if (_zclip is not null && info.ZClip is { } m) _zclip.Moments = m;
        if (_skip is not null) { _skip.Losses.Restore(info.SkipLosses ?? []); _skip.Norms.Restore(info.SkipNorms ?? []); }
        _trigger?.Reset();
    }

    /// <summary>
    /// One attempted optimizer step: <see cref="RunConfig.Accumulate"/> micro-batches (losses divided by their count,
    /// gradients summed), the guards, the update, and <see cref="ScheduleBinder.Advance"/> only when it was applied.
    /// </summary>
    private void TrainStep()
    {
        var started = Stopwatch.GetTimestamp();
        var step = _step;
        BeforeAutoStep();
        _binder.Apply(); // loading an optimizer state (resume, roll-back) may have overwritten the groups' rates
        var lrs = Enumerable.Range(0, _groupCount).Select(_binder.LrOf).ToArray();
        var scheduleStep = _binder.Step;
        var momentum = _binder.MomentumOf(0);
        using var scope = NewDisposeScope();
        _model.train();
        _optimizer.zero_grad();
        _monitor.BeginStep(IsDetailStep(step));
        var accumulate = _options.Config.Accumulate;
        var position = (_epoch, _batchIndex);
        Tensor? loss = null, correct = null;
        // Numbers go in as held Scalars: a temporary one can be freed by the GC during the call (docs/native-libs.md).
        // Created on first use, so a step without accumulation or an injected NaN creates none.
        using var held = new HeldScalars();
        for (var k = 0; k < accumulate; k++)
        {
            var (x, y) = _train.Gather(_order.Batch(new(position.Item1, position.Item2)), _device);
            var next = _order.Next(new(position.Item1, position.Item2));
            position = (next.Epoch, next.Index);
            var output = _model.call(x);
            var micro = LossOf(output, y);
            if (_hooks.InjectNaN?.Invoke(step) == true && k == accumulate - 1) micro = micro.mul(held[double.NaN]);
            (accumulate == 1 ? micro : micro.div(held[accumulate])).backward();
            var microCorrect = _train.IsLanguageModel ? null : output.detach().argmax(-1).eq(y).to(micro.dtype).mean();
            loss = loss is null ? micro.detach() : loss.add(micro.detach(), held[1.0]);
            if (microCorrect is not null) correct = correct is null ? microCorrect : correct.add(microCorrect, held[1.0]);
        }
        _nextPosition = position;
        if (accumulate > 1) { loss = loss!.div(held[accumulate]); correct = correct?.div(held[accumulate]); }
        var gradNorms = _monitor.GradNorms();
        // The global norm and the clipped flag cost torch calls, so they exist only when a guard needs them.
        var norm = _options.Guards.NeedsGlobalNorm ? StepMonitor.GlobalNorm(gradNorms) : null;
        Tensor? clipped = null;
        if (_options.Guards.Clip is { } clip) clipped = GradientOps.ClipGlobalNorm(_monitor.Parameters, norm!, clip.MaxNorm);
        if (_options.Guards.Agc is { } agc)
        {
            var agcHit = GradientOps.Agc(AgcParameters(agc), agc);
            clipped = clipped is null ? agcHit : clipped.logical_or(agcHit);
        }
        var skipped = false;
        if (_options.Guards.NeedsHostEveryStep && HostGuards(step, loss!, norm!, ref clipped, out skipped)) return;
        _monitor.BeforeUpdate();
        if (!skipped)
        {
            _optimizer.step();
            _binder.Advance();
        }
        _monitor.Record(loss!, correct, clipped, gradNorms);
        _pending.Add(new PendingRow(step, _epoch, lrs, momentum, skipped, scheduleStep,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        _step++;
        (_epoch, _batchIndex) = _nextPosition;
    }

    /// <summary>Detail steps measure update ratios, weight norms and dead units; every step while auto warmup is warming.</summary>
    private bool IsDetailStep(long step) =>
        step % _options.Monitor.DetailEvery == 0 || _autoState is { Phase: AutoWarmupPhase.Warming };

    private static Tensor LossOf(Tensor output, Tensor targets) =>
        nn.functional.cross_entropy(output.reshape(-1, output.shape[^1]), targets.reshape(-1));

    private IEnumerable<TorchSharp.Modules.Parameter> AgcParameters(AgcOptions agc)
    {
        var last = _monitor.Layers.Count - 1;
        return _monitor.Parameters.Zip(_monitor.LayerOfParameter).Where(p => !agc.ExcludeLastLayer || p.Second != last).Select(p => p.First);
    }

    /// <summary>ZClip, skip-step and roll-back decide on the host; returns true when the step was rolled back.</summary>
    private bool HostGuards(long step, Tensor loss, Tensor norm, ref Tensor? clipped, out bool skipped)
    {
        skipped = false;
        var lossValue = loss.to(float64).item<double>();
        var normValue = norm.to(float64).item<double>();
        var nonFinite = !double.IsFinite(lossValue) || !double.IsFinite(normValue);
        if (_zclip?.Decide(normValue, out var z) is { } target)
        {
            GradientOps.ScaleTo(_monitor.Parameters, normValue, target);
            clipped = ones(1, dtype: @bool, device: _device).reshape();
            GuardEvent(step, "zclip", $"gradient norm {N(normValue)} is {N(z)} sigma above its mean; clipped to {N(target)}", z);
        }
        if (_skip?.Decide(lossValue, normValue) is { } reason)
        {
            skipped = true;
            GuardEvent(step, "skip", $"update skipped: {reason}", normValue);
        }
        if (_trigger?.Decide(step, nonFinite, skipped) is { } why)
        {
            RollBack(step, why);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Returns to the last checkpoint (weights, optimizer, binder and warmup state), lowers the peak and re-warms
    /// through the binder's overlay, and continues with the batches after the failing step.
    /// </summary>
    private void RollBack(long failedStep, string reason)
    {
        var options = _options.Guards.Rollback!;
        var info = _folder.ReadCheckpointInfo();
        if (info is null || _rollback.Rollbacks >= options.MaxRollbacks)
        {
            GuardEvent(failedStep, "rollback", $"no roll-back left after {_rollback.Rollbacks} ({reason}); the run has diverged", double.NaN);
            _status = RunSummary.DivergedStatus;
            _divergedAt ??= failedStep;
            return;
        }
        Flush();
        _pending.Clear();
        _folder.TruncateFrom(info.Step, events: false);
        Checkpointer.Load(_folder, info, _model, _optimizer);
        RestoreGuards(info);
        RestoreState(info);
        // The overlay counts applied steps, so a re-warm-up lasts RewarmSteps updates however many are skipped.
        _rollback = _rollback.After(_binder.Step, options);
        _binder.SetOverlay(new LrOverlay(_rollback.LrScale, _rollback.RewarmFrom, _rollback.RewarmSteps));
        GuardEvent(failedStep, "rollback", $"rolled back from step {failedStep} to the checkpoint at step {info.Step} because {reason}; " +
            $"learning rates now x{N(_rollback.LrScale)}; batches up to {failedStep} are not replayed", info.Step);
        GuardEvent(info.Step, "rewarm", $"re-warming linearly over {options.RewarmSteps} steps from step {info.Step}", options.RewarmSteps);
        (_epoch, _batchIndex) = _nextPosition;
        _step = info.Step;
        ReplayDiagnosis();
    }

    private void GuardEvent(long step, string name, string message, double value)
    {
        var e = new RunEvent(step, RunEvent.Guard, name, null, message, value);
        _guardEvents.Add(e);
        _folder.AppendEvents([e]);
    }

    private static string N(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
