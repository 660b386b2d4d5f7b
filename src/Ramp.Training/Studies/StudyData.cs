using Ramp.Schedules;
using Ramp.Training.Data;
using Ramp.Training.Loop;

namespace Ramp.Training.Studies;

/// <summary>
/// A grid's data, loaded once and shared by its cells (read-only): the training and test splits and, for text,
/// the unigram entropy of the training characters.
/// </summary>
/// <param name="Train">Training split.</param>
/// <param name="Test">Test split.</param>
/// <param name="Source">Where the data came from (shipped subset, a folder, a file).</param>
/// <param name="UnigramEntropy">Text: entropy (nats) of the character frequencies of the training text, the loss of a model that ignores
/// context; null for images.</param>
public sealed record StudyData(ITrainingData Train, ITrainingData Test, string Source, double? UnigramEntropy)
{
    /// <summary>Loads the data <paramref name="grid"/> names (see <see cref="StudyGrid.DataDir"/>).</summary>
    /// <exception cref="IOException">A file is missing or unreadable.</exception>
    /// <exception cref="IdxFormatException">A Fashion-MNIST file is malformed.</exception>
    public static StudyData Load(StudyGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Data == "text")
        {
            var corpus = grid.DataDir is "shipped" or "default" ? TextCorpus.Shipped() : TextCorpus.FromFile(grid.DataDir);
            var (train, test) = TextData.Split(corpus, grid.Model.Context);
            var cut = corpus.Windows(grid.Model.Context) * 9 / 10;
            return new StudyData(train, test, corpus.Source, Entropy(corpus.Tokens.Take(cut), corpus.Vocabulary.Count));
        }
        var (images, tests) = grid.DataDir switch
        {
            "shipped" => FashionMnist.LoadShipped(),
            "default" => FashionMnist.LoadDefault(),
            var folder => FashionMnist.Load(folder),
        };
        var (trainImages, testImages) = ImageData.Normalised(images, tests);
        return new StudyData(trainImages, testImages, images.Source, null);
    }

    /// <summary>Images: the normalisation both splits use (measured on the training split); null for text.</summary>
    public PixelNormalization? Normalization => (Train as ImageData)?.Normalization;

    /// <summary>Entropy in nats of the frequencies of <paramref name="tokens"/> (ids below <paramref name="vocabulary"/>).</summary>
    public static double Entropy(IEnumerable<int> tokens, int vocabulary)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var counts = new long[vocabulary];
        long n = 0;
        foreach (var t in tokens) { counts[t]++; n++; }
        if (n == 0) throw RampArgumentException.For("entropy of no tokens", nameof(tokens));
        return -counts.Where(c => c > 0).Sum(c => (double)c / n * Math.Log((double)c / n));
    }
}
