namespace Ramp.Training.Models;

/// <summary>
/// The model of a comparison grid. <see cref="Kind"/> picks the network; the other fields apply to some kinds only:
/// <c>mlp</c> uses <see cref="Hidden"/>; <c>deep-mlp</c> uses <see cref="Depth"/>, <see cref="Width"/> and
/// <see cref="InitScale"/>; <c>transformer</c> uses <see cref="Layers"/>, <see cref="Dim"/>, <see cref="Heads"/>,
/// <see cref="Context"/> and <see cref="PreLn"/>.
/// </summary>
/// <param name="Kind">One of <see cref="ModelFactory.Names"/>: <c>mlp</c>, <c>cnn</c>, <c>deep-mlp</c> (Fashion-MNIST) or
/// <c>transformer</c> (text).</param>
/// <param name="Hidden">MLP hidden widths (default 256, 256).</param>
/// <param name="Depth">Deep MLP hidden layers (default 8).</param>
/// <param name="Width">Deep MLP width (default 128).</param>
/// <param name="InitScale">Deep MLP initialisation gain (default sqrt(2), He; the case study multiplies it by 1 and 1.5).</param>
/// <param name="Layers">Transformer blocks (default 2).</param>
/// <param name="Dim">Transformer model width (default 64).</param>
/// <param name="Heads">Transformer attention heads (default 4).</param>
/// <param name="Context">Transformer context in characters (default 64).</param>
/// <param name="PreLn">Pre-LN (true, default) or Post-LN (false) blocks.</param>
public sealed record ModelSettings(
    string Kind,
    IReadOnlyList<int>? Hidden = null,
    int Depth = 8,
    int Width = 128,
    double InitScale = 1.4142135623730951,
    int Layers = 2,
    int Dim = 64,
    int Heads = 4,
    int Context = 64,
    bool PreLn = true)
{
    /// <summary>Whether the model trains on text (a language model) rather than images.</summary>
    public bool IsText => ModelFactory.IsText(Kind);

    /// <summary>The settings that matter for <see cref="Kind"/>, as JSON-ready pairs (recorded in <c>config.json</c>).</summary>
    public IReadOnlyDictionary<string, object> Describe() => Kind switch
    {
        "mlp" => new Dictionary<string, object> { ["kind"] = Kind, ["hidden"] = Hidden ?? [256, 256] },
        "cnn" => new Dictionary<string, object> { ["kind"] = Kind },
        "deep-mlp" => new Dictionary<string, object> { ["kind"] = Kind, ["depth"] = Depth, ["width"] = Width, ["init_scale"] = InitScale },
        _ => new Dictionary<string, object>
        {
            ["kind"] = Kind, ["layers"] = Layers, ["dim"] = Dim, ["heads"] = Heads, ["context"] = Context, ["pre_ln"] = PreLn,
        },
    };
}
