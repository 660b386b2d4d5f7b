using Ramp.Runs;
using Ramp.Schedules;

namespace Ramp.Training.Data;

/// <summary>
/// The standard input normalisation of the image presets (torchvision's <c>Normalize(mean, std)</c>): a pixel byte
/// <c>p</c> becomes <c>(p / 255 - Mean) / Std</c>. <see cref="Measure"/> takes both from the training split, never
/// the test split; a run records them in <c>config.json</c> (<c>input_mean</c>, <c>input_std</c>) and a resume reuses
/// the recorded values.
/// </summary>
/// <param name="Mean">Mean of the pixels scaled to [0, 1]; finite.</param>
/// <param name="Std">Standard deviation of the pixels scaled to [0, 1]; finite and &gt; 0.</param>
public sealed record PixelNormalization(double Mean, double Std)
{
    /// <summary>
    /// No normalisation: pixels scaled to [0, 1] only (mean 0, std 1). The inputs of runs recorded before Ramp
    /// normalised, which a resume of such a run keeps (its weights were trained on them).
    /// </summary>
    public static PixelNormalization None { get; } = new(0, 1);

    /// <summary>Mean of the pixels scaled to [0, 1]; finite.</summary>
    public double Mean { get; } = double.IsFinite(Mean)
        ? Mean
        : throw new RampArgumentException(nameof(Mean), Mean, "pixel normalisation: mean must be finite");

    /// <summary>Standard deviation of the pixels scaled to [0, 1]; finite and &gt; 0.</summary>
    public double Std { get; } = double.IsFinite(Std) && Std > 0
        ? Std
        : throw new RampArgumentException(nameof(Std), Std, "pixel normalisation: std must be finite and > 0");

    /// <summary>
    /// The mean and (population) standard deviation of every pixel of <paramref name="training"/>, scaled to [0, 1]
    /// (Fashion-MNIST's 60,000 training images give 0.2860 and 0.3530).
    /// </summary>
    /// <exception cref="ArgumentException">All pixels are equal (a standard deviation of 0 normalises nothing).</exception>
    public static PixelNormalization Measure(ImageDataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var counts = training.PixelCounts();
        double n = 0, sum = 0, squares = 0;
        for (int v = 0; v < counts.Length; v++)
        {
            n += counts[v];
            sum += counts[v] * (v / 255.0);
            squares += counts[v] * (v / 255.0) * (v / 255.0);
        }
        var mean = sum / n;
        var std = Math.Sqrt(Math.Max(0, squares / n - mean * mean));
        if (!(std > 0)) throw RampArgumentException.For($"{training.Source}: every pixel has the same value; cannot normalise",
            nameof(training));
        return new PixelNormalization(mean, std);
    }

    /// <summary>
    /// The normalisation <paramref name="config"/> recorded: its <c>input_mean</c> and <c>input_std</c>; <see cref="None"/>
    /// for an image run recorded without them (before Ramp normalised, so its weights were trained on [0, 1] pixels);
    /// null for text.
    /// </summary>
    public static PixelNormalization? RecordedIn(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Data == "text") return null;
        return config is { InputMean: { } mean, InputStd: { } std } ? new PixelNormalization(mean, std) : None;
    }

    /// <summary><paramref name="config"/> with this normalisation recorded (<c>input_mean</c>, <c>input_std</c>).</summary>
    public RunConfig RecordIn(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { InputMean = Mean, InputStd = Std };
    }

    /// <summary>Whether this is <see cref="None"/>'s identity (mean 0, std 1).</summary>
    public bool IsIdentity => Mean == 0 && Std == 1;
}
