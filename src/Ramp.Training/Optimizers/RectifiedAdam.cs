using Ramp.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// RAdam (Liu et al. 2019, "On the variance of the adaptive learning rate and beyond"), as PyTorch's
/// <c>torch.optim.RAdam</c> (L2 weight decay by default; decoupled, as AdamW's, when asked). Replaces TorchSharp 0.107's
/// <see cref="RAdam"/>, whose rectified step multiplies by the learning rate twice (it moves by <c>lr^2</c>, so at
/// lr 1e-3 training all but stops after the first five steps). Keeps TorchSharp's groups, options and state, so the
/// schedule binder (learning rate, <see cref="torch.optim.IBetas"/>) and <c>save_state_dict</c>/<c>load_state_dict</c>
/// work unchanged.
/// </summary>
/// <remarks>
/// Per parameter, at step <c>t</c> (from 1), with gradient <c>g</c> (plus <c>weight_decay * p</c>, or with
/// decoupled weight decay first <c>p *= 1 - lr weight_decay</c> instead):
/// <c>m = beta1 m + (1 - beta1) g</c>, <c>v = beta2 v + (1 - beta2) g^2</c>, <c>m_hat = m / (1 - beta1^t)</c>,
/// <c>rho_inf = 2 / (1 - beta2) - 1</c>, <c>rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)</c>. When
/// <c>rho_t &gt; 5</c>: <c>r = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))</c> and
/// <c>p -= lr m_hat r sqrt(1 - beta2^t) / (sqrt(v) + eps)</c>; otherwise <c>p -= lr m_hat</c> (momentum without the
/// adaptive denominator: the built-in warmup; for beta2 0.999 the first five steps). Every number the step passes to
/// torch is held in a <see cref="Scalar"/> until the group is done (<see cref="HeldScalars"/>).
/// </remarks>
public sealed class RectifiedAdam : RAdam
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0.</param>
    /// <param name="beta1">First-moment decay in [0, 1] (default 0.9).</param>
    /// <param name="beta2">Second-moment decay in [0, 1) (default 0.999).</param>
    /// <param name="eps">Added to <c>sqrt(v)</c>, &gt;= 0 (default 1e-8).</param>
    /// <param name="weightDecay">Weight decay, &gt;= 0 (default 0).</param>
    /// <param name="decoupledWeightDecay">Shrink the weights by <c>lr weight_decay</c> (AdamW's way) instead of adding
    /// an L2 term to the gradient (default false, PyTorch's default).</param>
    /// <exception cref="ArgumentException">A value outside its range (TorchSharp's check; beta2 = 1 is refused here).</exception>
    public RectifiedAdam(IEnumerable<Parameter> parameters, double lr, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, bool decoupledWeightDecay = false)
        : this([new ParamGroup { Parameters = parameters }], lr, beta1, beta2, eps, weightDecay, decoupledWeightDecay)
    {
    }

    /// <summary>Several groups, each with its own options; unset options take the values given here.</summary>
    /// <param name="groups">Parameter groups (TorchSharp's <see cref="RAdam.ParamGroup"/>).</param>
    /// <param name="lr">Default learning rate, &gt;= 0.</param>
    /// <param name="beta1">Default first-moment decay in [0, 1].</param>
    /// <param name="beta2">Default second-moment decay in [0, 1).</param>
    /// <param name="eps">Default epsilon, &gt;= 0.</param>
    /// <param name="weightDecay">Default weight decay, &gt;= 0.</param>
    /// <param name="decoupledWeightDecay">Decoupled (AdamW's) rather than L2 weight decay, for every group.</param>
    /// <exception cref="ArgumentException">A value outside its range.</exception>
    public RectifiedAdam(IEnumerable<ParamGroup> groups, double lr, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, bool decoupledWeightDecay = false)
        : base(groups, lr, beta1, CheckBeta2(beta2), eps, weightDecay)
    {
        DecoupledWeightDecay = decoupledWeightDecay;
    }

    /// <summary>Whether weight decay shrinks the weights directly (AdamW's way) rather than adding to the gradient.</summary>
    /// <remarks>Configuration, not state: it is not in <c>save_state_dict</c>; rebuild the optimizer with the same value.</remarks>
    public bool DecoupledWeightDecay { get; }

    /// <summary>Performs one update of every parameter that has a gradient (see the remarks for the formula).</summary>
    /// <param name="closure">Recomputes the loss (optional), evaluated with gradients enabled before the update.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        double lr = options.LearningRate!.Value, beta1 = options.beta1!.Value, beta2 = options.beta2!.Value;
        double eps = options.eps!.Value, weightDecay = options.weight_decay!.Value;
        double rhoInf = 2 / (1 - beta2) - 1;
        using var held = new HeldScalars(); // TorchSharp's temporary Scalars can be freed mid-call (HeldScalars)
        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null) continue;
            var state = (State)_state[param.Handle];
            long t = ++state.step;
            if (weightDecay != 0 && DecoupledWeightDecay) param.mul_(held[1 - lr * weightDecay]);
            else if (weightDecay != 0) grad = grad.add(param, held[weightDecay]);
            AdamUpdate.Moments(held, grad, state.exp_avg, state.exp_avg_sq, beta1, beta2);
            double correction1 = 1 - Math.Pow(beta1, t), correction2 = 1 - Math.Pow(beta2, t);
            double rhoT = rhoInf - 2 * t * Math.Pow(beta2, t) / correction2;
            if (rhoT > 5)
            {
                double rect = Math.Sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
                var denominator = state.exp_avg_sq.sqrt().add_(held[eps], held[1.0]);
                param.addcdiv_(state.exp_avg, denominator, held[-lr * rect * Math.Sqrt(correction2) / correction1]);
            }
            else
            {
                param.add_(state.exp_avg, held[-lr / correction1]);
            }
        }
    }, closure);

    /// <summary>Releases the moment tensors; safe on an instance whose constructor threw.</summary>
    /// <param name="disposing">True from <c>Dispose()</c>, false from the finalizer.</param>
    protected override void Dispose(bool disposing)
    {
        // A constructor that throws while checking its arguments leaves _state null, and TorchSharp's Dispose would
        // then throw on the finalizer thread, which ends the process.
        if (_state is not null) base.Dispose(disposing);
    }

    // beta2 = 1 makes rho_inf infinite; TorchSharp accepts it, PyTorch does not.
    private static double CheckBeta2(double beta2) => beta2 is >= 0 and < 1
        ? beta2
        : throw new RampArgumentException(nameof(beta2), beta2, $"radam: beta2 must be in [0, 1) but was {beta2}");
}
