using System.Diagnostics;
using Ramp.Training.Binding;
using Ramp.Training.Data;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Ramp.Training.Loop;

/// <summary>
/// One attempted optimizer step: the binder's rates, <c>accumulate</c> micro-batches (losses divided by their count,
/// gradients summed), the guard chain, the update and <see cref="ScheduleBinder.Advance"/> when it is applied, and
/// the monitor's device vector. Nothing is read back here unless a host guard asks for it.
/// </summary>
internal sealed class StepExecutor
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly ITrainingData _train;
    private readonly DataOrder _order;
    private readonly OptimizerHelper _optimizer;
    private readonly ScheduleBinder _binder;
    private readonly StepMonitor _monitor;
    private readonly GuardChain _guards;
    private readonly Device _device;
    private readonly int _accumulate;
    private readonly Func<long, bool>? _injectNaN;
    private readonly Parameter[] _parameters;
    private readonly int _groups;

    public StepExecutor(nn.Module<Tensor, Tensor> model, ITrainingData train, DataOrder order, OptimizerHelper optimizer,
        ScheduleBinder binder, StepMonitor monitor, GuardChain guards, Device device, int accumulate, Func<long, bool>? injectNaN)
    {
        (_model, _train, _order, _optimizer, _binder) = (model, train, order, optimizer, binder);
        (_monitor, _guards, _device, _accumulate, _injectNaN) = (monitor, guards, device, accumulate, injectNaN);
        _parameters = [.. monitor.Parameters];
        _groups = ((torch.optim.Optimizer)optimizer).ParamGroups.Count();
    }

    /// <summary>Runs step <paramref name="step"/> on the batches from <paramref name="position"/>; <paramref name="detail"/> makes it a
    /// detail step.</summary>
    public StepResult Run(long step, DataPosition position, bool detail)
    {
        var started = Stopwatch.GetTimestamp();
        _binder.Apply(); // loading an optimizer state (resume, roll-back) may have overwritten the groups' rates
        var lrs = new double[_groups];
        for (var g = 0; g < lrs.Length; g++) lrs[g] = _binder.LrOf(g);
        var (scheduleStep, momentum) = (_binder.Step, _binder.MomentumOf(0));
        using var scope = NewDisposeScope();
        _model.train();
        _optimizer.zero_grad();
        _monitor.BeginStep(detail);
        // Numbers go in as held Scalars: a temporary one can be freed by the GC during the call (docs/native-libs.md).
        // Created on first use, so a step without accumulation or an injected NaN creates none.
        using var held = new HeldScalars();
        var (loss, correct, next) = ForwardBackward(step, position, held);
        var gradNorms = _monitor.GradNorms();
        // The global norm costs torch calls, so it exists only when a guard needs it.
        var norm = _guards.NeedsGlobalNorm ? StepMonitor.GlobalNorm(gradNorms) : null;
        var decisions = _guards.Decide(new GuardStep(step, loss, norm, _parameters, _monitor.LayerOfParameter, _monitor.Layers.Count));
        var skipped = false;
        var hostClipped = false;
        foreach (var d in decisions)
        {
            if (d.Action == GuardAction.RollBack) return new StepResult(StepOutcome.RolledBack, next, decisions, null);
            if (d.Action == GuardAction.Stop) return new StepResult(StepOutcome.Stopped, next, decisions, null);
            skipped |= d.Action == GuardAction.Skip;
            hostClipped |= d.Action == GuardAction.Clip;
        }
        _monitor.BeforeUpdate();
        if (!skipped)
        {
            _optimizer.step();
            _binder.Advance();
        }
        var values = GuardChain.DeviceValues(decisions);
        // The optimizer's own scalars ride after the guards' values (the recorder splits them by count).
        if (_optimizer is IOptimizerScalars scalars) values = [.. values, .. scalars.ScalarValues()];
        _monitor.Record(loss, correct, null, gradNorms, values);
        var row = new PendingRow(step, position.Epoch, lrs, momentum, skipped, hostClipped, scheduleStep,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new StepResult(skipped ? StepOutcome.Skipped : StepOutcome.Applied, next, decisions, row);
    }

    /// <summary>Cross-entropy over the last dimension (classes, or the vocabulary at every position).</summary>
    public static Tensor LossOf(Tensor output, Tensor targets) =>
        nn.functional.cross_entropy(output.reshape(-1, output.shape[^1]), targets.reshape(-1));

    private (Tensor Loss, Tensor? Correct, DataPosition Next) ForwardBackward(long step, DataPosition position, HeldScalars held)
    {
        Tensor? loss = null, correct = null;
        for (var k = 0; k < _accumulate; k++)
        {
            var (x, y) = _train.Gather(_order.Batch(position), _device);
            position = _order.Next(position);
            var output = _model.call(x);
            var micro = LossOf(output, y);
            if (k == _accumulate - 1 && _injectNaN?.Invoke(step) == true) micro = micro.mul(held[double.NaN]);
            (_accumulate == 1 ? micro : micro.div(held[_accumulate])).backward();
            var microCorrect = _train.IsLanguageModel ? null : output.detach().argmax(-1).eq(y).to(micro.dtype).mean();
            loss = loss is null ? micro.detach() : loss.add(micro.detach(), held[1.0]);
            if (microCorrect is not null) correct = correct is null ? microCorrect : correct.add(microCorrect, held[1.0]);
        }
        if (_accumulate > 1)
        {
            loss = loss!.div(held[_accumulate]);
            correct = correct?.div(held[_accumulate]);
        }
        return (loss!, correct, position);
    }
}
