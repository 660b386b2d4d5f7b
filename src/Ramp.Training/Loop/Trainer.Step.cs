using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Guards;
using Ramp.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

public sealed partial class Trainer
{
    private ZClip? _zclip;
    private SpikeSkip? _skip;
    private RollbackTrigger? _trigger;

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

    private double[] ApplyLearningRates()
    {
        var multiplier = _rollback.MultiplierAt(_step);
        var lrs = new double[_groups.Length];
        for (var g = 0; g < _groups.Length; g++)
        {
            lrs[g] = _schedules.LrAt(g, _step) * multiplier;
            _groups[g].LearningRate = lrs[g];
            if (_schedules.MomentumAt(g, _step) is not { } m) continue;
            if (_groups[g] is torch.optim.IMomentum withMomentum) withMomentum.Momentum = m;
            else if (_groups[g] is torch.optim.IBetas withBetas) withBetas.Betas = (m, withBetas.Betas.Item2);
        }
        return lrs;
    }

    private void TrainStep()
    {
        var started = Stopwatch.GetTimestamp();
        var step = _step;
        var lrs = ApplyLearningRates();
        using var scope = NewDisposeScope();
        var (x, y) = _train.Gather(_order.Batch(_epoch, _batchIndex), _device);
        _model.train();
        _optimizer.zero_grad();
        var output = _model.call(x);
        var loss = LossOf(output, y);
        if (_hooks.InjectNaN?.Invoke(step) == true) loss = loss * double.NaN;
        loss.backward();
        var correct = _train.IsLanguageModel ? null : output.detach().argmax(-1).eq(y).to(float64).mean();
        var gradSquares = _monitor.GradSquares();
        var norm = gradSquares.sum().sqrt();
        var clipped = zeros(1, dtype: @bool, device: _device).reshape();
        if (_options.Guards.Clip is { } clip) clipped = clipped.logical_or(GradientOps.ClipGlobalNorm(_monitor.Parameters, norm, clip.MaxNorm));
        if (_options.Guards.Agc is { } agc) clipped = clipped.logical_or(GradientOps.Agc(AgcParameters(agc), agc));
        var skipped = false;
        if (_options.Guards.NeedsHostEveryStep && HostGuards(step, loss, norm, ref clipped, out skipped)) return;
        _monitor.BeforeUpdate();
        if (!skipped) _optimizer.step();
        _monitor.Record(loss, correct, clipped, gradSquares);
        _pending.Add(new PendingRow(step, _epoch, lrs, _schedules.MomentumAt(0, step), skipped,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        _step++;
        (_epoch, _batchIndex) = _order.Next(_epoch, _batchIndex);
    }

    private static Tensor LossOf(Tensor output, Tensor targets) =>
        nn.functional.cross_entropy(output.reshape(-1, output.shape[^1]), targets.reshape(-1));

    private IEnumerable<TorchSharp.Modules.Parameter> AgcParameters(AgcOptions agc)
    {
        var last = _monitor.Layers.Count - 1;
        return _monitor.Parameters.Zip(_monitor.LayerOfParameter).Where(p => !agc.ExcludeLastLayer || p.Second != last).Select(p => p.First);
    }

    /// <summary>ZClip, skip-step and roll-back decide on the host; returns true when the step was rolled back.</summary>
    private bool HostGuards(long step, Tensor loss, Tensor norm, ref Tensor clipped, out bool skipped)
    {
        skipped = false;
        var lossValue = loss.to(float64).item<double>();
        var normValue = norm.item<double>();
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
        ReplayDiagnosis();
        _rollback = _rollback.After(info.Step, options);
        GuardEvent(failedStep, "rollback", $"rolled back from step {failedStep} to the checkpoint at step {info.Step} because {reason}; " +
            $"learning rates now x{N(_rollback.LrScale)}; batches up to {failedStep} are not replayed", info.Step);
        GuardEvent(info.Step, "rewarm", $"re-warming linearly over {options.RewarmSteps} steps from step {info.Step}", options.RewarmSteps);
        (_epoch, _batchIndex) = _order.Next(_epoch, _batchIndex);
        _step = info.Step;
    }

    private void GuardEvent(long step, string name, string message, double value)
    {
        var e = new RunEvent(step, RunEvent.Guard, name, null, message, value);
        _guardEvents.Add(e);
        _folder.AppendEvents([e]);
    }

    private static string N(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
