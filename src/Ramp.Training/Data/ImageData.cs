using static TorchSharp.torch;

namespace Ramp.Training.Data;

/// <summary>An <see cref="ImageDataset"/> as training data: images [n, 1, rows, columns] and class labels.</summary>
public sealed class ImageData : ITrainingData
{
    private readonly ImageDataset _images;

    /// <summary>Wraps <paramref name="images"/>.</summary>
    public ImageData(ImageDataset images) => _images = images ?? throw new ArgumentNullException(nameof(images));

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
        return (_images.Images(ints).to(device), _images.Labels(ints).to(device));
    }
}
