using System.Globalization;
using Ramp.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// What <see cref="ScheduleFreeAdamW"/> and <see cref="ScheduleFreeSgd"/> share (Defazio et al. 2024, "The Road Less
/// Scheduled"): groups, the averaging weight, the <c>y</c>/<c>z</c>/<c>x</c> bookkeeping and the train/eval swap.
/// </summary>
/// <remarks>
/// Three sequences: <c>z</c> takes the base optimizer's steps, <c>x</c> is a weighted average of the <c>z</c>'s, and
/// the gradient is taken at their interpolation <c>y = (1 - beta1) z + beta1 x</c>. While training the parameters hold
/// <c>y</c> and the state holds <c>z</c>; <c>x = (y - (1 - beta1) z) / beta1</c> is never stored. At step <c>t</c> (from
/// 1) the learning rate is <c>lr_t = lr min(1, t / warmup)</c> (times <c>sqrt(1 - beta2^t)</c> for Adam), and the
/// average's new member gets the weight <c>c_t = w_t / sum_{i&lt;=t} w_i</c> with <c>w_t = t^r max_{i&lt;=t}(lr_i)^p</c>
/// (<c>p</c> = <c>weight_lr_power</c>, 2 by default: the paper's <c>gamma_t^2</c> weighting, with the running maximum
/// as in the authors' code so a decaying schedule laid on top does not shrink late weights). Per step:
/// <c>x' = (1 - c) x + c z'</c>, <c>z' = z - lr_t d</c> (<c>d</c>: the normalized gradient plus
/// <c>weight_decay y</c>), which for <c>y</c> works out to <c>y' = lerp(y, z, c) + lr_t (beta1 (1 - c) - 1) d</c>.
/// <para>Each number passed to torch is held for the whole group (<see cref="HeldScalars"/>). The averaging weight is
/// computed on the host from doubles: no device read-back.</para>
/// </remarks>
public abstract class ScheduleFreeOptimizer : OptimizerHelper, ITrainEvalSwitch, IOptimizerScalars
{
    private readonly bool _adaptive;

    /// <summary>Validates the defaults and adds the groups.</summary>
    private protected ScheduleFreeOptimizer(string who, IEnumerable<ScheduleFreeParamGroup> groups,
        ScheduleFreeOptions defaults, bool adaptive)
    {
        ArgumentNullException.ThrowIfNull(groups);
        _adaptive = adaptive;
        Check(who, defaults);
        _defaults = defaults;
        _parameter_groups = [];
        foreach (var group in groups) add_param_group(group);
    }

    /// <summary>Whether the parameters hold <c>y</c> (true) or <c>x</c> (false); every group is in the same mode.</summary>
    public bool Training => ((ScheduleFreeOptions)_parameter_groups[0].Options).TrainMode;

    /// <summary>The first group's last averaging weight <c>c_t</c> (0 before the first step): how much the newest
    /// <c>z</c> moved the average.</summary>
    public double AveragingWeight => ((ScheduleFreeOptions)_parameter_groups[0].Options).AveragingWeight;

    /// <summary><c>schedule_free_weight</c>: <see cref="AveragingWeight"/>.</summary>
    public IReadOnlyList<string> ScalarNames { get; } = ["schedule_free_weight"];

    /// <summary><see cref="AveragingWeight"/> as a new 0-dim float64 tensor on the first parameter's device (it is a host
    /// number: this costs no read-back).</summary>
    public IReadOnlyList<Tensor> ScalarValues() =>
        [tensor(AveragingWeight, float64, _parameter_groups[0].Parameters.FirstOrDefault()?.device ?? CPU)];

    /// <summary>The first group's last learning rate after the built-in warmup (and Adam's bias correction).</summary>
    public double ScheduledLr => ((ScheduleFreeOptions)_parameter_groups[0].Options).ScheduledLr;

    /// <inheritdoc />
    public override void add_param_group(ParamGroup param_group)
    {
        ArgumentNullException.ThrowIfNull(param_group);
        var defaults = (ScheduleFreeOptions)_defaults;
        param_group.Options ??= new ScheduleFreeOptions();
        var o = param_group.Options as ScheduleFreeOptions ?? throw RampArgumentException.For(
            "schedule-free: a group's options must be ScheduleFreeOptions", nameof(param_group));
        o.LearningRate ??= defaults.LearningRate;
        o.Beta1 ??= defaults.Beta1;
        o.Beta2 ??= defaults.Beta2;
        o.Eps ??= defaults.Eps;
        o.WeightDecay ??= defaults.WeightDecay;
        o.WarmupSteps ??= defaults.WarmupSteps;
        o.R ??= defaults.R;
        o.WeightLrPower ??= defaults.WeightLrPower;
        o.InitialLearningRate = o.LearningRate!.Value;
        Check(GetType().Name, o);
        _parameter_groups.Add(param_group);
        foreach (var p in param_group.Parameters) _state[p.Handle] = new ScheduleFreeState(p, _adaptive);
    }

    /// <summary>Swaps every parameter from <c>x</c> to <c>y = lerp(x, z, 1 - beta1)</c> (no-op when training).</summary>
    public void Train() => Swap(training: true);

    /// <summary>Swaps every parameter from <c>y</c> to <c>x = lerp(y, z, 1 - 1/beta1)</c> (no-op when evaluating).</summary>
    public void Eval() => Swap(training: false);

    /// <summary>Performs one update of every parameter that has a gradient (see the remarks).</summary>
    /// <param name="closure">Recomputes the loss (optional), evaluated with gradients enabled before the update.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    /// <exception cref="InvalidOperationException">The optimizer is in eval mode.</exception>
    public override Tensor step(Func<Tensor>? closure = null)
    {
        if (!Training)
            throw new InvalidOperationException($"{GetType().Name}: step() in eval mode; call Train() first (the parameters " +
                "hold x, not y)");
        return _step<ScheduleFreeParamGroup>(group =>
        {
            var o = group.Options;
            long k = o.Step;
            double beta1 = o.Beta1!.Value, beta2 = o.Beta2!.Value;
            double warmup = k < o.WarmupSteps!.Value ? (k + 1) / (double)o.WarmupSteps.Value : 1.0;
            double lr = o.LearningRate!.Value * warmup * (_adaptive ? Math.Sqrt(1 - Math.Pow(beta2, k + 1)) : 1.0);
            o.LrMax = Math.Max(lr, o.LrMax);
            double weight = Math.Pow(k + 1, o.R!.Value) * Math.Pow(o.LrMax, o.WeightLrPower!.Value);
            o.WeightSum += weight;
            double c = o.WeightSum == 0 ? 0 : weight / o.WeightSum;
            using var held = new HeldScalars();
            foreach (var y in group.Parameters)
            {
                var grad = y.grad;
                if (grad is null) continue;
                var state = (ScheduleFreeState)_state[y.Handle];
                if (state.Step++ == 0) state.Z.copy_(y);
                var d = Direction(held, grad, state, o);
                if (o.WeightDecay!.Value != 0) d.add_(y, held[o.WeightDecay.Value]);
                Lerp(held, y, state.Z, c).add_(d, held[lr * (beta1 * (1 - c) - 1)]);
                state.Z.add_(d, held[-lr]);
            }
            (o.Step, o.AveragingWeight, o.ScheduledLr) = (k + 1, c, lr);
        }, closure);
    }

    /// <summary>The step direction before weight decay: a new tensor the caller may change in place.</summary>
    private protected abstract Tensor Direction(HeldScalars held, Tensor grad, ScheduleFreeState state, ScheduleFreeOptions options);

    /// <summary>Releases the state's tensors; safe on an instance whose constructor threw.</summary>
    /// <param name="disposing">True from <c>Dispose()</c>, false from the finalizer.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _state is not null)
            foreach (var entry in _state) ((ScheduleFreeState)entry.Item2).Dispose();
        base.Dispose(disposing);
    }

    private void Swap(bool training)
    {
        using var noGrad = no_grad();
        foreach (var group in _parameter_groups)
        {
            var o = (ScheduleFreeOptions)group.Options;
            if (o.TrainMode == training) continue;
            double beta1 = o.Beta1!.Value;
            double weight = training ? 1 - beta1 : 1 - 1 / beta1;
            using var scope = NewDisposeScope();
            using var held = new HeldScalars();
            foreach (var p in group.Parameters)
            {
                var state = (ScheduleFreeState)_state[p.Handle];
                if (state.Step > 0) Lerp(held, p, state.Z, weight);
            }
            o.TrainMode = training;
        }
    }

    // p + w (end - p), in PyTorch's lerp form (from the end when w >= 0.5); TorchSharp 0.107 has no lerp_ with a number.
    private static Tensor Lerp(HeldScalars held, Tensor p, Tensor end, double w)
    {
        using var difference = end.sub(p);
        return w < 0.5 ? p.add_(difference, held[w]) : p.copy_(end).add_(difference, held[-(1 - w)]);
    }

    private static void Check(string who, ScheduleFreeOptions o)
    {
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (!(o.LearningRate >= 0))
            throw new RampArgumentException("lr", o.LearningRate,
                $"{who}: lr must be >= 0 but was {F(o.LearningRate ?? double.NaN)}");
        if (!(o.Beta1 is > 0 and < 1))
            throw new RampArgumentException("beta1", o.Beta1, $"{who}: beta1 (momentum) must be in (0, 1) but " +
                $"was {F(o.Beta1 ?? double.NaN)}");
        if (!(o.Beta2 is >= 0 and < 1))
            throw new RampArgumentException("beta2", o.Beta2, $"{who}: beta2 must be in [0, 1) but was {F(o.Beta2 ?? double.NaN)}");
        if (!(o.Eps >= 0))
            throw new RampArgumentException("eps", o.Eps, $"{who}: eps must be >= 0 but was {F(o.Eps ?? double.NaN)}");
        if (!(o.WeightDecay >= 0))
            throw new RampArgumentException("weightDecay", o.WeightDecay,
                $"{who}: weight decay must be >= 0 but was {F(o.WeightDecay ?? double.NaN)}");
        if (!(o.WarmupSteps >= 0))
            throw new RampArgumentException("warmupSteps", o.WarmupSteps,
                $"{who}: warmup steps must be >= 0 but was {o.WarmupSteps}");
        if (!(o.R >= 0) || !(o.WeightLrPower >= 0))
            throw new RampArgumentException("r", o.R, $"{who}: r and weight_lr_power must be >= 0 but were {F(o.R ?? double.NaN)} " +
                $"and {F(o.WeightLrPower ?? double.NaN)}");
    }
}
