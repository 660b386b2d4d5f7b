using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// TorchSharp's <see cref="TorchSharp.Modules.RMSProp"/>, step for step, with every number of the update held in a <see cref="Scalar"/>
/// for the whole step (<see cref="HeldScalars"/>): TorchSharp 0.107's own step passes temporaries that a collection on
/// another thread can free mid-call. Keeps TorchSharp's groups, options and state (<c>step</c>, <c>square_avg</c>,
/// <c>grad_avg</c>, <c>momentum_buffer</c>), so the schedule binder (learning rate, <see cref="torch.optim.IMomentum"/>)
/// and <c>save_state_dict</c>/<c>load_state_dict</c> work unchanged, and a state saved by either loads into the other.
/// </summary>
/// <remarks>
/// Per parameter with gradient <c>g</c> (negated when maximizing, then plus <c>weight_decay p</c>):
/// <c>s = alpha s + (1 - alpha) g^2</c>; the denominator is <c>d = sqrt(s) + eps</c>, or when centered
/// <c>a = alpha a + (1 - alpha) g</c> and <c>d = sqrt(s - a^2) + eps</c>. With momentum <c>mu &gt; 0</c>:
/// <c>b = mu b + g / d</c> and <c>p -= lr b</c>; otherwise <c>p -= lr g / d</c>.
/// <para>Named as TorchSharp's class on purpose: <c>save_state_dict</c> records the optimizer's class name and
/// <c>load_state_dict</c> refuses a stream of another name, so the shared name lets a checkpoint written by either
/// load into the other (including checkpoints Ramp wrote before it had its own optimizers).</para>
/// </remarks>
public sealed class RMSProp : TorchSharp.Modules.RMSProp
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0 (default 1e-3).</param>
    /// <param name="alpha">Smoothing constant of the squared-gradient average, &gt;= 0 (default 0.99).</param>
    /// <param name="eps">Added to the denominator, &gt;= 0 (default 1e-8).</param>
    /// <param name="weightDecay">L2 weight decay, &gt;= 0 (default 0).</param>
    /// <param name="momentum">Momentum factor, &gt;= 0 (default 0).</param>
    /// <param name="centered">Divide by an estimate of the gradient's variance instead of its second moment (default false).</param>
    /// <param name="maximize">Ascend instead of descend (default false).</param>
    /// <exception cref="ArgumentException">A value outside its range (TorchSharp's check).</exception>
    public RMSProp(IEnumerable<Parameter> parameters, double lr = 1e-3, double alpha = 0.99, double eps = 1e-8,
        double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : this([new ParamGroup { Parameters = parameters }], lr, alpha, eps, weightDecay, momentum, centered, maximize)
    {
    }

    /// <summary>Several groups, each with its own options; unset options take the values given here.</summary>
    /// <param name="groups">Parameter groups (TorchSharp's <see cref="TorchSharp.Modules.RMSProp.ParamGroup"/>).</param>
    /// <param name="lr">Default learning rate, &gt;= 0.</param>
    /// <param name="alpha">Default smoothing constant, &gt;= 0.</param>
    /// <param name="eps">Default epsilon, &gt;= 0.</param>
    /// <param name="weightDecay">Default weight decay, &gt;= 0.</param>
    /// <param name="momentum">Default momentum factor, &gt;= 0.</param>
    /// <param name="centered">Default for the centered variant.</param>
    /// <param name="maximize">Default for maximizing.</param>
    /// <exception cref="ArgumentException">A value outside its range.</exception>
    public RMSProp(IEnumerable<ParamGroup> groups, double lr = 1e-3, double alpha = 0.99, double eps = 1e-8,
        double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(groups, lr, alpha, eps, weightDecay, momentum, centered, maximize)
    {
    }

    /// <summary>Performs one update of every parameter that has a gradient (see the remarks for the formula).</summary>
    /// <param name="closure">Recomputes the loss (optional), evaluated with gradients enabled before the update.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        double lr = options.LearningRate!.Value, alpha = options.alpha!.Value, eps = options.eps!.Value;
        double weightDecay = options.weight_decay!.Value, momentum = options.momentum!.Value;
        bool centered = options.centered!.Value, maximize = options.maximize!.Value;
        using var held = new HeldScalars();
        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null) continue;
            var state = (State)_state[param.Handle];
            if (maximize) grad = grad.neg();
            state.step += 1;
            if (weightDecay != 0) grad = grad.add(param, held[weightDecay]);
            state.square_avg.mul_(held[alpha]).addcmul_(grad, grad, held[1 - alpha]);
            Tensor denominator;
            if (centered)
            {
                state.grad_avg.mul_(held[alpha]).add_(grad, held[1 - alpha]);
                denominator = state.square_avg.addcmul(state.grad_avg, state.grad_avg, held[-1.0]).sqrt_();
            }
            else
            {
                denominator = state.square_avg.sqrt();
            }
            denominator.add_(held[eps], held[1.0]);
            if (momentum > 0)
            {
                state.momentum_buffer.mul_(held[momentum]).addcdiv_(grad, denominator, held[1.0]);
                param.add_(state.momentum_buffer, held[-lr]);
            }
            else
            {
                param.addcdiv_(grad, denominator, held[-lr]);
            }
        }
    }, closure);
}
