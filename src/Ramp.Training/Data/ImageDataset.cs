using static TorchSharp.torch;

namespace Ramp.Training.Data;

/// <summary>
/// Labelled greyscale images held as bytes; batches become tensors only when asked for, so a dataset costs
/// one byte per pixel.
/// </summary>
public sealed class ImageDataset
{
    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    /// <summary>Pairs <paramref name="images"/> with <paramref name="labels"/>.</summary>
    /// <param name="images">The images.</param>
    /// <param name="labels">One label per image, each below <paramref name="classes"/>.</param>
    /// <param name="classes">Number of classes (10 for Fashion-MNIST).</param>
    /// <param name="source">Where the data came from (for errors and run records).</param>
    /// <exception cref="IdxFormatException">Counts differ or a label is out of range.</exception>
    public ImageDataset(IdxImages images, byte[] labels, int classes, string source)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Count != labels.Length)
            throw new IdxFormatException(source, $"{images.Count} images but {labels.Length} labels");
        int bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0) throw new IdxFormatException(source, $"label {labels[bad]} at index {bad} is not below {classes}");
        _pixels = images.Pixels;
        _labels = labels;
        Count = images.Count;
        Rows = images.Rows;
        Columns = images.Columns;
        Classes = classes;
        Source = source;
    }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>Rows per image.</summary>
    public int Rows { get; }

    /// <summary>Columns per image.</summary>
    public int Columns { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Where the data came from.</summary>
    public string Source { get; }

    /// <summary>The label of image <paramref name="index"/>.</summary>
    public int LabelOf(int index) => _labels[index];

    /// <summary>Images <paramref name="indices"/> as a float tensor [n, 1, Rows, Columns], pixels scaled to [0, 1].</summary>
    public Tensor Images(IReadOnlyList<int> indices) => Images(indices, PixelNormalization.None);

    /// <summary>
    /// Images <paramref name="indices"/> as a float tensor [n, 1, Rows, Columns], each pixel byte <c>p</c> mapped to
    /// <c>(p / 255 - mean) / std</c> of <paramref name="normalization"/>.
    /// </summary>
    public Tensor Images(IReadOnlyList<int> indices, PixelNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(normalization);
        // One table of 256 values: every pixel is one lookup, and the same byte always gives the same float.
        var table = new float[256];
        for (int v = 0; v < table.Length; v++) table[v] = (float)((v / 255.0 - normalization.Mean) / normalization.Std);
        int size = Rows * Columns;
        var values = new float[indices.Count * size];
        for (int i = 0; i < indices.Count; i++)
        {
            var image = _pixels.AsSpan(indices[i] * size, size);
            for (int p = 0; p < size; p++) values[i * size + p] = table[image[p]];
        }
        return tensor(values, [indices.Count, 1, Rows, Columns]);
    }

    /// <summary>How many pixels of the whole dataset hold each byte value (index 0..255).</summary>
    public long[] PixelCounts()
    {
        var counts = new long[256];
        foreach (var p in _pixels) counts[p]++;
        return counts;
    }

    /// <summary>Labels <paramref name="indices"/> as an int64 tensor [n].</summary>
    public Tensor Labels(IReadOnlyList<int> indices) =>
        tensor(indices.Select(i => (long)_labels[i]).ToArray(), [indices.Count]);
}
