using Ramp.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// StableAdamW (Wortsman et al. 2023, "Stable and low-precision training for large-scale vision-language models"):
/// AdamW whose step on each tensor is divided by <c>max(1, RMS / d)</c>, where RMS is the root mean square of
/// <c>g^2 / v_hat</c> over the tensor (Adafactor's update clipping, per tensor). Keeps TorchSharp's AdamW groups,
/// options and state (<c>step</c>, <c>exp_avg</c>, <c>exp_avg_sq</c>), so the schedule binder and
/// <c>save_state_dict</c>/<c>load_state_dict</c> work unchanged.
/// </summary>
/// <remarks>
/// Per parameter at step <c>t</c> (from 1): <c>m = beta1 m + (1 - beta1) g</c>, <c>v = beta2 v + (1 - beta2) g^2</c>,
/// <c>m_hat = m / (1 - beta1^t)</c>, <c>v_hat = v / (1 - beta2^t)</c>,
/// <c>RMS = sqrt(mean(g^2 / max(v_hat, eps^2)))</c>, then <c>p *= 1 - lr weight_decay</c> (the unclipped rate, as the
/// authors' code) and <c>p -= lr / max(1, RMS / d) m_hat / (sqrt(v_hat) + eps)</c>. The RMS stays on the device (the
/// authors' code reads it back per tensor; here the clip factor is a 0-dim tensor, so a step adds no host sync).
/// Every number passed to torch is held for the whole group (<see cref="HeldScalars"/>).
/// </remarks>
public sealed class StableAdamW : TorchSharp.Modules.AdamW
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0 (default 1e-3).</param>
    /// <param name="beta1">First-moment decay in [0, 1) (default 0.9).</param>
    /// <param name="beta2">Second-moment decay in [0, 1) (default 0.999).</param>
    /// <param name="eps">Added to <c>sqrt(v_hat)</c> and, squared, the floor of <c>v_hat</c> in the RMS, &gt;= 0 (default 1e-8).</param>
    /// <param name="weightDecay">Decoupled weight decay, &gt;= 0 (default 0).</param>
    /// <param name="clipThreshold">The RMS above which the step is scaled down, &gt; 0 (the paper's d, default 1).</param>
    /// <exception cref="ArgumentException">A value outside its range.</exception>
    public StableAdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, double clipThreshold = 1.0)
        : this([new ParamGroup { Parameters = parameters }], lr, beta1, beta2, eps, weightDecay, clipThreshold)
    {
    }

    /// <summary>Several groups, each with its own options; unset options take the values given here.</summary>
    /// <param name="groups">Parameter groups (TorchSharp's <see cref="TorchSharp.Modules.AdamW.ParamGroup"/>).</param>
    /// <param name="lr">Default learning rate, &gt;= 0.</param>
    /// <param name="beta1">Default first-moment decay in [0, 1).</param>
    /// <param name="beta2">Default second-moment decay in [0, 1).</param>
    /// <param name="eps">Default epsilon, &gt;= 0.</param>
    /// <param name="weightDecay">Default weight decay, &gt;= 0.</param>
    /// <param name="clipThreshold">The RMS threshold d for every group, &gt; 0.</param>
    /// <exception cref="ArgumentException">A value outside its range.</exception>
    public StableAdamW(IEnumerable<ParamGroup> groups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, double clipThreshold = 1.0)
        : base(groups, lr, beta1, beta2, eps, weightDecay, amsgrad: false, maximize: false)
    {
        if (!(clipThreshold > 0) || !double.IsFinite(clipThreshold))
            throw new RampArgumentException(nameof(clipThreshold), clipThreshold,
                $"stable-adamw: clip threshold must be finite and > 0 but was {clipThreshold}");
        ClipThreshold = clipThreshold;
    }

    /// <summary>The RMS threshold d (configuration, not saved state: rebuild the optimizer with the same value).</summary>
    public double ClipThreshold { get; }

    /// <summary>Performs one update of every parameter that has a gradient (see the remarks for the formula).</summary>
    /// <param name="closure">Recomputes the loss (optional), evaluated with gradients enabled before the update.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        double lr = options.LearningRate!.Value, beta1 = options.beta1!.Value, beta2 = options.beta2!.Value;
        double eps = options.eps!.Value, weightDecay = options.weight_decay!.Value;
        using var held = new HeldScalars();
        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null) continue;
            var state = (State)_state[param.Handle];
            long t = ++state.step;
            AdamUpdate.Moments(held, grad, state.exp_avg, state.exp_avg_sq, beta1, beta2);
            if (lr == 0) continue; // moves nothing; the step's factor below would divide by zero
            double correction1 = 1 - Math.Pow(beta1, t), correction2 = 1 - Math.Pow(beta2, t), root2 = Math.Sqrt(correction2);
            // v_hat = v / c2 is never stored: mean(g^2 / max(v_hat, eps^2)) = c2 mean(g^2 / max(v, c2 eps^2)), and
            // m_hat / (sqrt(v_hat) + eps) = (sqrt(c2) / c1) m / (sqrt(v) + sqrt(c2) eps).
            var rms = grad.square().div_(state.exp_avg_sq.clamp_min(held[correction2 * eps * eps])).mean().mul_(held[correction2]).sqrt_();
            // -lr sqrt(c2) / (c1 max(1, RMS / d)): a 0-dim tensor, so the clip never reads back to the host; dividing
            // the denominator by it lets one addcdiv_ apply the step.
            var scale = rms.div_(held[ClipThreshold]).clamp_min_(held[1.0]).reciprocal_().mul_(held[-lr * root2 / correction1]);
            if (weightDecay != 0) param.mul_(held[1 - lr * weightDecay]);
            param.addcdiv_(state.exp_avg, state.exp_avg_sq.sqrt().add_(held[root2 * eps]).div_(scale), held[1.0]);
        }
    }, closure);

    /// <summary>Releases the moment tensors; safe on an instance whose constructor threw.</summary>
    /// <param name="disposing">True from <c>Dispose()</c>, false from the finalizer.</param>
    protected override void Dispose(bool disposing)
    {
        if (_state is not null) base.Dispose(disposing);
    }
}
