using Ramp.Training.Data;

namespace Ramp.Training.Tests.Data;

public sealed class FashionMnistTests
{
    [Fact]
    public void The_shipped_subset_is_balanced_28x28()
    {
        var (train, test) = FashionMnist.LoadShipped();
        Assert.Equal((8000, 2000), (train.Count, test.Count));
        Assert.Equal((28, 28, 10), (train.Rows, train.Columns, train.Classes));
        foreach (var (set, per) in new[] { (train, 800), (test, 200) })
        {
            var counts = Enumerable.Range(0, set.Count).GroupBy(set.LabelOf).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(Enumerable.Range(0, 10), counts.Keys.Order());
            Assert.All(counts.Values, c => Assert.Equal(per, c));
        }
    }

    [Fact]
    public void Batches_become_scaled_float_images_and_int64_labels()
    {
        var (train, _) = FashionMnist.LoadShipped();
        using var images = train.Images([0, 5, 7]);
        using var labels = train.Labels([0, 5, 7]);
        Assert.Equal(new long[] { 3, 1, 28, 28 }, images.shape);
        Assert.InRange(images.min().item<float>(), 0f, 0f);
        Assert.InRange(images.max().item<float>(), 0.5f, 1f);
        Assert.Equal(new long[] { train.LabelOf(0), train.LabelOf(5), train.LabelOf(7) }, labels.data<long>().ToArray());
    }

    [Fact]
    public void Any_folder_with_the_standard_names_loads_plain_or_gzipped()
    {
        var folder = Directory.CreateTempSubdirectory("ramp-fashion-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte.gz"), ShippedData.Read("fashion-t10k-images-idx3-ubyte.gz"));
            File.WriteAllBytes(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), ShippedData.Read("fashion-t10k-labels-idx1-ubyte.gz"));
            var rawImages = new System.IO.Compression.GZipStream(new MemoryStream(ShippedData.Read("fashion-t10k-images-idx3-ubyte.gz")), System.IO.Compression.CompressionMode.Decompress);
            using (var file = File.Create(Path.Combine(folder, "t10k-images-idx3-ubyte"))) rawImages.CopyTo(file);
            File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), ShippedData.Read("fashion-t10k-labels-idx1-ubyte.gz"));
            var (train, test) = FashionMnist.Load(folder);
            Assert.Equal((2000, 2000), (train.Count, test.Count));
            Assert.Equal(train.LabelOf(1999), test.LabelOf(1999));

            File.Delete(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"));
            var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(folder));
            Assert.Equal($"{folder}: no t10k-labels-idx1-ubyte.gz or t10k-labels-idx1-ubyte for Fashion-MNIST", e.Message);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void Images_and_labels_must_agree()
    {
        var images = new IdxImages(2, 1, 1, [1, 2]);
        var e = Assert.Throws<IdxFormatException>(() => new ImageDataset(images, [1, 2, 3], 10, "src"));
        Assert.Equal("src: 2 images but 3 labels", e.Message);
        e = Assert.Throws<IdxFormatException>(() => new ImageDataset(images, [1, 12], 10, "src"));
        Assert.Equal("src: label 12 at index 1 is not below 10", e.Message);
    }
}
