using static TorchSharp.torch;

namespace Ramp.Training.Data;

/// <summary>
/// An <see cref="ImageDataset"/> as training data: images [n, 1, rows, columns], each pixel normalised by
/// <see cref="Normalization"/>, and class labels.
/// </summary>
public sealed class ImageData : ITrainingData
{
    private readonly ImageDataset _images;

    /// <summary>Wraps <paramref name="images"/>, pixels scaled to [0, 1] only (<see cref="PixelNormalization.None"/>).</summary>
    public ImageData(ImageDataset images) : this(images, PixelNormalization.None)
    {
    }

    /// <summary>Wraps <paramref name="images"/>, each pixel normalised by <paramref name="normalization"/>.</summary>
    public ImageData(ImageDataset images, PixelNormalization normalization)
    {
        _images = images ?? throw new ArgumentNullException(nameof(images));
        Normalization = normalization ?? throw new ArgumentNullException(nameof(normalization));
    }

    /// <summary>
    /// The standard recipe: both splits normalised by the training split's mean and std, measured here, or by
    /// <paramref name="recorded"/> when a run recorded them (a resume).
    /// </summary>
    public static (ImageData Train, ImageData Test) Normalised(ImageDataset train, ImageDataset test, PixelNormalization? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var normalization = recorded ?? PixelNormalization.Measure(train);
        return (new ImageData(train, normalization), new ImageData(test, normalization));
    }

    /// <summary>The normalisation applied to every pixel.</summary>
    public PixelNormalization Normalization { get; }

    /// <inheritdoc />
    public long Count => _images.Count;

    /// <inheritdoc />
    public int Classes => _images.Classes;

    /// <inheritdoc />
    public bool IsLanguageModel => false;

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Targets) Gather(long[] indices, Device device)
    {
        var ints = indices.Select(i => (int)i).ToArray();
        return (_images.Images(ints, Normalization).to(device), _images.Labels(ints).to(device));
    }
}
