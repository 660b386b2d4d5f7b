using Ramp.Runs;
using Ramp.Schedules;
using Ramp.Training.Data;

namespace Ramp.Training.Tests.Data;

/// <summary>The image presets' input normalisation: measured on the training split, applied to both, recorded and read back.</summary>
public sealed class PixelNormalizationTests
{
    private static ImageDataset Images(params byte[] pixels) =>
        new(new IdxImages(pixels.Length / 2, 1, 2, pixels), new byte[pixels.Length / 2], 10, "test");

    [Fact]
    public void Measure_gives_the_mean_and_population_std_of_the_scaled_pixels()
    {
        var n = PixelNormalization.Measure(Images(0, 255, 0, 255));
        Assert.Equal(0.5, n.Mean, 12);
        Assert.Equal(0.5, n.Std, 12);
        var skewed = PixelNormalization.Measure(Images(0, 0, 0, 51));
        Assert.Equal(0.05, skewed.Mean, 12);
        Assert.Equal(Math.Sqrt(0.2 * 0.2 / 4 - 0.05 * 0.05), skewed.Std, 12);
    }

    [Fact]
    public void Images_become_standardised_values()
    {
        var data = Images(0, 255, 0, 255);
        using var x = data.Images([0, 1], PixelNormalization.Measure(data));
        Assert.Equal(new float[] { -1, 1, -1, 1 }, x.data<float>().ToArray());
        using var plain = data.Images([0]);
        Assert.Equal(new float[] { 0, 1 }, plain.data<float>().ToArray());
    }

    [Fact]
    public void The_shipped_training_split_standardises_to_mean_0_and_std_1_and_the_test_split_uses_its_values()
    {
        var (train, test) = FashionMnist.LoadShipped();
        var (trainData, testData) = ImageData.Normalised(train, test);
        Assert.Same(trainData.Normalization, testData.Normalization);
        Assert.Equal(PixelNormalization.Measure(train), testData.Normalization);
        Assert.NotEqual(PixelNormalization.Measure(test), testData.Normalization);
        Assert.InRange(trainData.Normalization.Mean, 0.25, 0.32); // the full set's is 0.2860
        Assert.InRange(trainData.Normalization.Std, 0.32, 0.38); // the full set's is 0.3530
        using var all = train.Images(Enumerable.Range(0, train.Count).ToArray(), trainData.Normalization);
        Assert.Equal(0, all.mean().item<float>(), 3);
        Assert.Equal(1, all.std(unbiased: false).item<float>(), 3);
        var recorded = new PixelNormalization(0.3, 0.4);
        Assert.Same(recorded, ImageData.Normalised(train, test, recorded).Test.Normalization);
    }

    [Fact]
    public void Degenerate_values_throw()
    {
        var std = Assert.Throws<RampArgumentException>(() => new PixelNormalization(0.3, 0));
        Assert.Equal("Std", std.ParamName);
        Assert.StartsWith("pixel normalisation: std must be finite and > 0", std.Message);
        var mean = Assert.Throws<RampArgumentException>(() => new PixelNormalization(double.NaN, 1));
        Assert.Equal("Mean", mean.ParamName);
        var flat = Assert.Throws<RampArgumentException>(() => PixelNormalization.Measure(Images(7, 7, 7, 7)));
        Assert.StartsWith("test: every pixel has the same value; cannot normalise", flat.Message);
    }

    [Fact]
    public void A_config_records_the_values_and_one_recorded_before_normalisation_reads_back_as_none()
    {
        var config = new RunConfig(ModelName.Mlp, "fashion-mnist", null, "sgd", 0.1, "constant()", 10, null, 32, 0, "cpu");
        Assert.Same(PixelNormalization.None, PixelNormalization.RecordedIn(config));
        var recorded = new PixelNormalization(0.286, 0.353).RecordIn(config);
        Assert.Equal((0.286, 0.353), (recorded.InputMean, recorded.InputStd));
        Assert.Equal(new PixelNormalization(0.286, 0.353), PixelNormalization.RecordedIn(recorded));
        Assert.Null(PixelNormalization.RecordedIn(config with { Model = ModelName.Transformer, Data = "text" }));
    }
}
