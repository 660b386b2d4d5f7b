using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Monitoring;

/// <summary>
/// Forward hooks on every <c>nn.ReLU</c> module of a model that, while armed, measure the fraction of dead units in
/// the batch: units whose output is zero for every example (and, for convolutions, every position). The unit axis
/// is the last one for 3-D activations (<c>[batch, time, features]</c>) and axis 1 otherwise (<c>[batch, features]</c>,
/// <c>[batch, channels, h, w]</c>). Unarmed, a hook costs one managed call and no torch work.
/// </summary>
internal sealed class ReluProbes : IDisposable
{
    private readonly List<Action> _unhook = [];
    private readonly Tensor?[] _dead;

    /// <summary>Hooks the ReLU modules of <paramref name="model"/> (found by type, in model order).</summary>
    public ReluProbes(nn.Module model)
    {
        var names = new List<string>();
        foreach (var (name, module) in model.named_modules())
        {
            if (module is not TorchSharp.Modules.ReLU relu) continue;
            var index = names.Count;
            names.Add(name);
            var handle = relu.register_forward_hook((_, _, output) =>
            {
                if (Armed) Capture(index, output);
                return output;
            });
            _unhook.Add(handle.remove);
        }
        Names = names;
        _dead = new Tensor?[names.Count];
    }

    /// <summary>The hooked modules' names, e.g. <c>relu1</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether the next forward passes are measured (the last pass through a module wins).</summary>
    public bool Armed { get; set; }

    /// <summary>The measured fractions as a vector of <paramref name="dtype"/> (NaN for a module not run), and forgets them.</summary>
    public Tensor Take(ScalarType dtype, Device device)
    {
        var values = new Tensor[_dead.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = _dead[i] is { } d ? d.to(dtype, device) : full(1, double.NaN, dtype: dtype, device: device).reshape();
        var result = values.Length == 0 ? empty(0, dtype: dtype, device: device) : stack(values);
        Forget();
        return result;
    }

    private void Capture(int index, Tensor output)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var x = output.detach();
        var axis = x.dim() == 3 ? 2 : 1;
        if (x.dim() < 2) return;
        var units = x.shape[axis];
        using var zero = 0.0.ToScalar(); // held: a temporary Scalar can be freed by the GC during the call
        var alive = x.transpose(0, axis).reshape(units, -1).gt(zero).any(1);
        _dead[index]?.Dispose();
        _dead[index] = alive.logical_not().to(float32).mean().DetachFromDisposeScope();
    }

    private void Forget()
    {
        for (var i = 0; i < _dead.Length; i++) { _dead[i]?.Dispose(); _dead[i] = null; }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var unhook in _unhook) unhook();
        _unhook.Clear();
        Forget();
    }
}
