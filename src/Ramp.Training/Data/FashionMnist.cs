namespace Ramp.Training.Data;

/// <summary>
/// Fashion-MNIST (Zalando; 28x28 greyscale clothing images in 10 classes) from any folder holding the four
/// standard IDX files (<c>train-images-idx3-ubyte</c>, ... with or without <c>.gz</c>), or the subset shipped
/// inside Ramp (8,000 train + 2,000 test images, balanced classes).
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the full set.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Class names, by label.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The full set from <see cref="DefaultFolder"/> when it is there, otherwise the shipped subset.</summary>
    public static (ImageDataset Train, ImageDataset Test) LoadDefault() =>
        Directory.Exists(DefaultFolder) ? Load(DefaultFolder) : LoadShipped();

    /// <summary>The subset shipped inside Ramp.Training.</summary>
    public static (ImageDataset Train, ImageDataset Test) LoadShipped() =>
        (Shipped("train"), Shipped("t10k"));

    /// <summary>Reads train and test from <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">One of the four files is missing (its expected names are given).</exception>
    /// <exception cref="IdxFormatException">A file is malformed.</exception>
    public static (ImageDataset Train, ImageDataset Test) Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder for Fashion-MNIST");
        return (FromFolder(folder, "train"), FromFolder(folder, "t10k"));
    }

    private static ImageDataset FromFolder(string folder, string split)
    {
        var images = Find(folder, $"{split}-images-idx3-ubyte");
        var labels = Find(folder, $"{split}-labels-idx1-ubyte");
        return new ImageDataset(IdxReader.ReadImages(images), IdxReader.ReadLabels(labels), 10, $"{images} + {labels}");
    }

    private static string Find(string folder, string stem)
    {
        foreach (var name in new[] { stem + ".gz", stem, stem.Replace("-idx", ".idx") + ".gz", stem.Replace("-idx", ".idx") })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"{folder}: no {stem}.gz or {stem} for Fashion-MNIST", Path.Combine(folder, stem));
    }

    private static ImageDataset Shipped(string split)
    {
        var images = $"fashion-{split}-images-idx3-ubyte.gz";
        var labels = $"fashion-{split}-labels-idx1-ubyte.gz";
        return new ImageDataset(IdxReader.ReadImages(ShippedData.Read(images), images),
            IdxReader.ReadLabels(ShippedData.Read(labels), labels), 10, $"shipped:{images} + {labels}");
    }
}
