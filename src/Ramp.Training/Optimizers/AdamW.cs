using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// TorchSharp's <see cref="TorchSharp.Modules.AdamW"/> (decoupled weight decay, optional AMSGrad), step for step, with every number of the
/// update
/// held in a <see cref="Scalar"/> for the whole step (<see cref="HeldScalars"/>): TorchSharp 0.107's own step passes
/// temporaries that a collection on another thread can free mid-call. Keeps TorchSharp's groups, options and state
/// (<c>step</c>, <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c>), so the schedule binder (learning rate,
/// <see cref="torch.optim.IBetas"/>) and <c>save_state_dict</c>/<c>load_state_dict</c> work unchanged, and a state
/// saved by either optimizer loads into the other.
/// </summary>
/// <remarks>
/// Per parameter at step <c>t</c> (from 1), with gradient <c>g</c> (negated when maximizing): first
/// <c>p *= 1 - lr weight_decay</c>, then <c>m = beta1 m + (1 - beta1) g</c>, <c>v = beta2 v + (1 - beta2) g^2</c>, with AMSGrad
/// <c>v' = max(v', v)</c> (else <c>v' = v</c>), and
/// <c>p -= lr / (1 - beta1^t) m / (sqrt(v') / sqrt(1 - beta2^t) + eps)</c>. Real parameters only.
/// <para>Named as TorchSharp's class on purpose: <c>save_state_dict</c> records the optimizer's class name and
/// <c>load_state_dict</c> refuses a stream of another name, so the shared name lets a checkpoint written by either
/// load into the other (including checkpoints Ramp wrote before it had its own optimizers).</para>
/// </remarks>
public sealed class AdamW : TorchSharp.Modules.AdamW
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0 (default 1e-3).</param>
    /// <param name="beta1">First-moment decay in [0, 1) (default 0.9).</param>
    /// <param name="beta2">Second-moment decay in [0, 1) (default 0.999).</param>
    /// <param name="eps">Added to the denominator, &gt;= 0 (default 1e-8).</param>
    /// <param name="weightDecay">Decoupled weight decay, &gt;= 0 (default 0, TorchSharp's default; PyTorch's is 0.01).</param>
    /// <param name="amsgrad">Divide by the running maximum of <c>v</c> (default false).</param>
    /// <param name="maximize">Ascend instead of descend (default false).</param>
    /// <exception cref="ArgumentException">A value outside its range (TorchSharp's check).</exception>
    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup { Parameters = parameters }], lr, beta1, beta2, eps, weightDecay, amsgrad, maximize)
    {
    }

    /// <summary>Several groups, each with its own options; unset options take the values given here.</summary>
    /// <param name="groups">Parameter groups (TorchSharp's <see cref="TorchSharp.Modules.AdamW.ParamGroup"/>).</param>
    /// <param name="lr">Default learning rate, &gt;= 0.</param>
    /// <param name="beta1">Default first-moment decay in [0, 1).</param>
    /// <param name="beta2">Default second-moment decay in [0, 1).</param>
    /// <param name="eps">Default epsilon, &gt;= 0.</param>
    /// <param name="weightDecay">Default weight decay, &gt;= 0.</param>
    /// <param name="amsgrad">Default for AMSGrad.</param>
    /// <param name="maximize">Default for maximizing.</param>
    /// <exception cref="ArgumentException">A value outside its range.</exception>
    public AdamW(IEnumerable<ParamGroup> groups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : base(groups, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize)
    {
    }

    /// <summary>
    /// GI-Adam (Kalra &amp; Barkeshli 2024, "Why warmup the learning rate?"): on a parameter's first step the second
    /// moment starts from that step's gradient squared, <c>v_0 = g_1^2</c>, instead of 0 (default false). The bias
    /// corrections stay, so the first steps are about <c>sqrt(1 - beta2^t)</c> times Adam's: a warmup built into the
    /// optimizer. Configuration, not state: <c>save_state_dict</c> does not record it (a resumed run is past step 1).
    /// </summary>
    public bool GradientInit { get; init; }

    /// <summary>Performs one update of every parameter that has a gradient (see the remarks for the formula).</summary>
    /// <param name="closure">Recomputes the loss (optional), evaluated with gradients enabled before the update.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        double lr = options.LearningRate!.Value, beta1 = options.beta1!.Value, beta2 = options.beta2!.Value;
        double eps = options.eps!.Value, weightDecay = options.weight_decay!.Value;
        bool amsgrad = options.amsgrad!.Value, maximize = options.maximize!.Value;
        using var held = new HeldScalars();
        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null) continue;
            var state = (State)_state[param.Handle];
            if (maximize) grad = grad.neg();
            state.step += 1;
            if (weightDecay != 0) param.mul_(held[1 - lr * weightDecay]);
            if (GradientInit && state.step == 1) state.exp_avg_sq.copy_(grad.square());
            AdamUpdate.Moments(held, grad, state.exp_avg, state.exp_avg_sq, beta1, beta2);
            AdamUpdate.Apply(held, param, state.exp_avg, state.exp_avg_sq, ref state.max_exp_avg_sq, state.step, lr,
                beta1, beta2, eps, amsgrad);
        }
    }, closure);
}
