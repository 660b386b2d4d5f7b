using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Models;

/// <summary>
/// One decoder block: causal self-attention (<c>attn</c>) and a feed-forward network (<c>mlp.fc</c>, GELU,
/// <c>mlp.proj</c>, 4x wide), each with a residual connection and a LayerNorm (<c>ln1</c>, <c>ln2</c>).
/// Post-LN (the original Transformer): <c>x = ln(x + f(x))</c>, which needs warmup to train stably.
/// Pre-LN: <c>x = x + f(ln(x))</c>, which trains with little or no warmup.
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _ln1, _ln2, _attn, _mlp;

    /// <summary>A block of width <paramref name="model"/> with <paramref name="heads"/> heads.</summary>
    public TransformerBlock(int model, int heads, bool preLn) : base("block")
    {
        PreLn = preLn;
        register_module("ln1", _ln1 = nn.LayerNorm(model));
        register_module("attn", _attn = new CausalSelfAttention(model, heads));
        register_module("ln2", _ln2 = nn.LayerNorm(model));
        register_module("mlp", _mlp = nn.Sequential(("fc", nn.Linear(model, 4 * model)), ("gelu", nn.GELU()),
            ("proj", nn.Linear(4 * model, model))));
    }

    /// <summary>True for Pre-LN, false for Post-LN.</summary>
    public bool PreLn { get; }

    /// <summary>[batch, time, model] to [batch, time, model].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor y = PreLn
            ? x + _attn.call(_ln1.call(x))
            : _ln1.call(x + _attn.call(x));
        y = PreLn
            ? y + _mlp.call(_ln2.call(y))
            : _ln2.call(y + _mlp.call(y));
        return y.MoveToOuterDisposeScope();
    }
}
