using Ramp.Schedules;
using static TorchSharp.torch;

namespace Ramp.Training.Data;

/// <summary>
/// Windows of a <see cref="TextCorpus"/> as training data: example i is the window starting at
/// <c>First + i</c>, its target the same window shifted by one character.
/// </summary>
public sealed class TextData : ITrainingData
{
    private readonly TextCorpus _corpus;
    private readonly int _context;
    private readonly int _first;

    /// <summary>The windows starting in [<paramref name="first"/>, <paramref name="end"/>) of <paramref name="corpus"/>.</summary>
    public TextData(TextCorpus corpus, int context, int first, int end)
    {
        _corpus = corpus ?? throw new ArgumentNullException(nameof(corpus));
        var windows = corpus.Windows(context);
        if (first < 0 || end > windows || first >= end)
            throw new RampArgumentException(nameof(end), end, $"text: window range [{first}, {end}) must lie in [0, {windows})");
        _context = context;
        _first = first;
        Count = end - first;
    }

    /// <summary>The first 90% of the windows for training and the last 10% (after a gap of one context) for testing.</summary>
    public static (TextData Train, TextData Test) Split(TextCorpus corpus, int context)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Tokens.Count < TextCorpus.MinimumLength(context))
            throw RampArgumentException.For($"{corpus.Source}: {corpus.Tokens.Count} characters are too few for a training window " +
                $"of {context} and a test split: need at least {TextCorpus.MinimumLength(context)}", nameof(corpus));
        var windows = corpus.Windows(context);
        var cut = windows * 9 / 10;
        return (new TextData(corpus, context, 0, cut - context), new TextData(corpus, context, cut, windows));
    }

    /// <inheritdoc />
    public long Count { get; }

    /// <inheritdoc />
    public int Classes => _corpus.Vocabulary.Count;

    /// <inheritdoc />
    public bool IsLanguageModel => true;

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Targets) Gather(long[] indices, Device device)
    {
        var (input, target) = _corpus.Batch(indices.Select(i => (int)(_first + i)).ToArray(), _context);
        return (input.to(device), target.to(device));
    }
}
