using Ramp.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Models;

/// <summary>
/// Multi-head causal self-attention: <c>qkv</c> projects to queries, keys and values, each position attends to
/// itself and earlier positions (scaled dot product, softmax), <c>proj</c> mixes the heads back.
/// </summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _qkv, _proj;
    private readonly int _heads;

    /// <summary>Attention over <paramref name="model"/> features split into <paramref name="heads"/> heads.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The width is not a positive multiple of the head count.</exception>
    public CausalSelfAttention(int model, int heads) : base("attn")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heads);
        if (model <= 0 || model % heads != 0)
            throw new RampArgumentException(nameof(model), model, $"model width must be a positive multiple of the {heads} heads");
        _heads = heads;
        register_module("qkv", _qkv = nn.Linear(model, 3 * model));
        register_module("proj", _proj = nn.Linear(model, model));
    }

    /// <summary>[batch, time, model] to [batch, time, model].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1], c = x.shape[2], d = c / _heads;
        var qkv = _qkv.call(x).view(b, t, 3, _heads, d).permute(2, 0, 3, 1, 4); // [3, b, h, t, d]
        var (q, k, v) = (qkv[0], qkv[1], qkv[2]);
        // Scalars held until the calls return (an implicit one can be finalized mid-call; see GradientOps).
        using var scale = Math.Sqrt(d).ToScalar();
        using var minusInfinity = double.NegativeInfinity.ToScalar();
        var scores = q.matmul(k.transpose(-2, -1)).div(scale);
        var future = ones(t, t, dtype: ScalarType.Bool, device: x.device).triu(1);
        var weights = nn.functional.softmax(scores.masked_fill(future, minusInfinity), -1);
        var mixed = weights.matmul(v).transpose(1, 2).contiguous().view(b, t, c);
        return _proj.call(mixed).MoveToOuterDisposeScope();
    }
}
