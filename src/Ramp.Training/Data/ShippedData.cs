namespace Ramp.Training.Data;

/// <summary>The data files embedded in Ramp.Training (see docs/data-and-models.md for what and where from).</summary>
public static class ShippedData
{
    /// <summary>Names of the shipped files: the Fashion-MNIST subset (IDX, gzipped) and the text corpus.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "fashion-train-images-idx3-ubyte.gz", "fashion-train-labels-idx1-ubyte.gz",
        "fashion-t10k-images-idx3-ubyte.gz", "fashion-t10k-labels-idx1-ubyte.gz", "shakespeare.txt",
    ];

    /// <summary>The bytes of shipped file <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such file is shipped.</exception>
    public static byte[] Read(string name)
    {
        using var stream = typeof(ShippedData).Assembly.GetManifestResourceStream("Ramp.Training.Resources." + name)
            ?? throw new ArgumentException(
                $"no shipped data file '{name}'; shipped: {string.Join(", ", Names)}", nameof(name));
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
