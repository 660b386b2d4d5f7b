using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// TorchSharp's <see cref="TorchSharp.Modules.SGD"/>, step for step, with every number of the update held in a <see cref="Scalar"/> for
/// the whole step (<see cref="HeldScalars"/>): TorchSharp 0.107's own step passes temporaries that a collection on
/// another thread can free mid-call. Keeps TorchSharp's groups, options and state (<c>momentum_buffer</c>), so the
/// schedule binder (learning rate, <see cref="torch.optim.IMomentum"/>) and <c>save_state_dict</c>/<c>load_state_dict</c>
/// work unchanged, and a state saved by either optimizer loads into the other.
/// </summary>
/// <remarks>
/// Per parameter with gradient <c>g</c>: with weight decay <c>g += weight_decay p</c>; with momentum <c>mu</c> the buffer
/// is <c>b = g</c> on its first step, then <c>b = mu b + (1 - dampening) g</c>, and the direction is <c>g + mu b</c>
/// (Nesterov) or <c>b</c>; finally <c>p -= lr direction</c> (<c>+=</c> when maximizing). As TorchSharp (and unlike
/// PyTorch), maximizing flips only that last sign, not the gradient the weight decay and momentum see.
/// <para>Named as TorchSharp's class on purpose: <c>save_state_dict</c> records the optimizer's class name and
/// <c>load_state_dict</c> refuses a stream of another name, so the shared name lets a checkpoint written by either
/// load into the other (including checkpoints Ramp wrote before it had its own optimizers).</para>
/// </remarks>
public sealed class SGD : TorchSharp.Modules.SGD
{
    /// <summary>One group over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0.</param>
    /// <param name="momentum">Momentum factor, &gt;= 0 (default 0: plain SGD).</param>
    /// <param name="dampening">Dampening of the gradient's share of the momentum buffer (default 0).</param>
    /// <param name="weightDecay">L2 weight decay, &gt;= 0 (default 0).</param>
    /// <param name="nesterov">Nesterov momentum; needs momentum &gt; 0 and dampening 0 (default false).</param>
    /// <param name="maximize">Ascend instead of descend (default false).</param>
    /// <exception cref="ArgumentException">A value outside its range (TorchSharp's check).</exception>
    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : this([new ParamGroup { Parameters = parameters }], lr, momentum, dampening, weightDecay, nesterov, maximize)
    {
    }

    /// <summary>Several groups, each with its own options; unset options take the values given here.</summary>
    /// <param name="groups">Parameter groups (TorchSharp's <see cref="TorchSharp.Modules.SGD.ParamGroup"/>).</param>
    /// <param name="lr">Default learning rate, &gt;= 0.</param>
    /// <param name="momentum">Default momentum factor, &gt;= 0.</param>
    /// <param name="dampening">Default dampening.</param>
    /// <param name="weightDecay">Default weight decay, &gt;= 0.</param>
    /// <param name="nesterov">Default for Nesterov momentum.</param>
    /// <param name="maximize">Default for maximizing.</param>
    /// <exception cref="ArgumentException">A value outside its range.</exception>
    public SGD(IEnumerable<ParamGroup> groups, double lr, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : base(groups, lr, momentum, dampening, weightDecay, nesterov, maximize)
    {
    }

    /// <summary>Performs one update of every parameter that has a gradient (see the remarks for the formula).</summary>
    /// <param name="closure">Recomputes the loss (optional), evaluated with gradients enabled before the update.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        double lr = options.LearningRate!.Value, momentum = options.momentum!.Value, dampening = options.dampening!.Value;
        double weightDecay = options.weight_decay!.Value;
        bool nesterov = options.nesterov!.Value, maximize = options.maximize!.Value;
        using var held = new HeldScalars();
        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null) continue;
            var state = (State)_state[param.Handle];
            if (weightDecay != 0) grad = grad.add(param, held[weightDecay]);
            if (momentum != 0)
            {
                var buffer = state.momentum_buffer;
                if (buffer is null) state.momentum_buffer = buffer = grad.clone().detach().DetachFromDisposeScope();
                else buffer.mul_(held[momentum]).add_(grad, held[1 - dampening]);
                grad = nesterov ? grad.add(buffer, held[momentum]) : buffer;
            }
            param.add_(grad, held[maximize ? lr : -lr]);
        }
    }, closure);
}
