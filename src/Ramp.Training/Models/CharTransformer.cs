using Ramp.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Models;

/// <summary>
/// A small decoder-only character Transformer (GPT-style): token embedding <c>embed</c> plus learned position
/// embedding <c>position</c>, <c>Layers</c> blocks <c>blocks.0</c>, <c>blocks.1</c>, ..., then (Pre-LN only) a
/// final LayerNorm <c>ln_f</c> and the output layer <c>head</c>. Defaults: 2 layers, width 64, 4 heads,
/// context 64. Linear and embedding weights are drawn from N(0, 0.02^2), biases zero, LayerNorms at (1, 0),
/// after <c>manual_seed(seed)</c>.
/// </summary>
public sealed class CharTransformer : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _embed, _position, _head;
    private readonly nn.Module<Tensor, Tensor>? _lnF;
    private readonly List<TransformerBlock> _blocks = [];

    /// <summary>Builds the model; the same arguments and seed give the same weights.</summary>
    /// <param name="vocabulary">Distinct characters, &gt; 0.</param>
    /// <param name="context">Longest input sequence, &gt; 0 (default 64).</param>
    /// <param name="model">Width, a positive multiple of <paramref name="heads"/> (default 64).</param>
    /// <param name="heads">Attention heads (default 4).</param>
    /// <param name="layers">Blocks, &gt; 0 (default 2).</param>
    /// <param name="preLn">Pre-LN (true, default) or Post-LN (false) blocks.</param>
    /// <param name="seed">Seed for torch's global generator.</param>
    public CharTransformer(int vocabulary, int context = 64, int model = 64, int heads = 4, int layers = 2, bool preLn = true,
        long seed = 0)
        : base(preLn ? "char_transformer_pre_ln" : "char_transformer_post_ln")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabulary);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(context);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        random.manual_seed(seed);
        (Context, PreLn, Layers) = (context, preLn, layers);
        register_module("embed", _embed = nn.Embedding(vocabulary, model));
        register_module("position", _position = nn.Embedding(context, model));
        var blocks = nn.ModuleList<TransformerBlock>();
        for (int i = 0; i < layers; i++)
        {
            var block = new TransformerBlock(model, heads, preLn);
            blocks.Add(block);
            _blocks.Add(block);
        }
        register_module("blocks", blocks);
        if (preLn) register_module("ln_f", _lnF = nn.LayerNorm(model));
        register_module("head", _head = nn.Linear(model, vocabulary));
        Initialise();
    }

    /// <summary>Longest input sequence.</summary>
    public int Context { get; }

    /// <summary>Whether the blocks are Pre-LN.</summary>
    public bool PreLn { get; }

    /// <summary>Number of blocks.</summary>
    public int Layers { get; }

    /// <summary>Logits [batch, time, vocabulary] for token ids [batch, time] (time &lt;= Context).</summary>
    /// <exception cref="ArgumentException">A sequence longer than <see cref="Context"/>.</exception>
    public override Tensor forward(Tensor tokens)
    {
        long t = tokens.shape[1];
        if (t > Context) throw RampArgumentException.For($"sequence of {t} tokens is longer than the context of {Context}", nameof(tokens));
        using var scope = NewDisposeScope();
        var x = _embed.call(tokens) + _position.call(arange(t, dtype: ScalarType.Int64, device: tokens.device));
        foreach (var block in _blocks) x = block.call(x);
        if (_lnF is not null) x = _lnF.call(x);
        return _head.call(x).MoveToOuterDisposeScope();
    }

    private void Initialise()
    {
        using var _ = no_grad();
        using var one = 1.ToScalar();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.Contains("ln")) { if (name.EndsWith("weight")) parameter.fill_(one); else parameter.zero_(); }
            else if (name.EndsWith("bias")) parameter.zero_();
            else parameter.normal_(0, 0.02);
        }
    }
}
