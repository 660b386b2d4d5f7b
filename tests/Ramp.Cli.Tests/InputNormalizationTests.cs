using System.Text.Json;
using System.Text.Json.Nodes;
using Ramp.Cli.Commands;
using Ramp.Training.Data;

namespace Ramp.Cli.Tests;

/// <summary>
/// <c>ramp train</c> on images normalises the inputs by the training split's mean and std, records both in
/// <c>config.json</c>, and a resume reads them back; a run recorded before normalisation resumes on the [0, 1] pixels
/// its weights were trained on.
/// </summary>
public sealed class InputNormalizationTests : IDisposable
{
    private readonly string _out = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private string Config => Path.Combine(_out, "config.json");

    [Fact]
    public void A_run_records_the_training_splits_values_and_a_resume_uses_the_recorded_ones()
    {
        var run = CliRun.Of("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "10", "--batch", "32", "--out", _out);
        Assert.True(run.Code == 0, run.Err);
        var (train, _) = FashionMnist.LoadDefault();
        var measured = PixelNormalization.Measure(train);
        var config = JsonNode.Parse(File.ReadAllText(Config))!.AsObject();
        Assert.Equal(measured.Mean, config["input_mean"]!.GetValue<double>());
        Assert.Equal(measured.Std, config["input_std"]!.GetValue<double>());

        config["input_mean"] = 0.25;
        config["input_std"] = 0.5;
        File.WriteAllText(Config, config.ToJsonString());
        var merged = TrainResume.Merge(Request(), new HashSet<string>());
        Assert.Equal(new PixelNormalization(0.25, 0.5), merged.InputNormalization);
        var (data, test) = TrainRun.LoadData(merged);
        Assert.Equal(new PixelNormalization(0.25, 0.5), ((ImageData)data).Normalization);
        Assert.Equal(new PixelNormalization(0.25, 0.5), ((ImageData)test).Normalization);
    }

    [Fact]
    public void A_run_recorded_before_normalisation_resumes_on_plain_pixels_and_keeps_its_config()
    {
        var run = CliRun.Of("train", "--model", "mlp", "--data", "fashion-mnist", "--lr", "0.1", "--steps", "20", "--batch", "32",
            "--checkpoint-every", "10", "--out", _out);
        Assert.True(run.Code == 0, run.Err);
        var config = JsonNode.Parse(File.ReadAllText(Config))!.AsObject();
        Assert.True(config.Remove("input_mean") && config.Remove("input_std"));
        File.WriteAllText(Config, config.ToJsonString());

        Assert.Same(PixelNormalization.None, TrainResume.Merge(Request(), new HashSet<string>()).InputNormalization);
        var resumed = CliRun.Of("train", "--resume", "--extend-steps", "30", "--out", _out);
        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.StartsWith("finished after 30 steps", resumed.OutLines[^1]);
        using var after = JsonDocument.Parse(File.ReadAllText(Config));
        Assert.False(after.RootElement.TryGetProperty("input_mean", out _));
        Assert.Equal(30, after.RootElement.GetProperty("steps").GetInt64());
    }

    private TrainRequest Request() => new("", "", null, "sgd", 0, 0, "constant()", null, null, 64, 0, _out, "cpu",
        Ramp.Training.Guards.GuardOptions.None, 0, 0, 25, Resume: true);
}
