namespace Ramp.Cli.Tests;

/// <summary><c>ramp plot</c> writes real PNG and SVG files.</summary>
public sealed class PlotCommandTests
{
    private const string Warmup = "transformers.get_linear_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100)";
    private const string Step = "warmup(10) >> cosine(90, floor=0.1)";

    [Fact]
    public void Writes_a_png()
    {
        var path = Path.Combine(TempFile.Folder(), "chart.png");

        var run = CliRun.Of("plot", Warmup, Step, "--steps", "100", "--base-lr", "0.1", "-o", path, "--title", "Two schedules");

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal([$"wrote {path}"], run.OutLines);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5000, $"PNG has only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public void Writes_an_svg_with_log_axis_and_legend()
    {
        var path = Path.Combine(TempFile.Folder(), "chart.svg");

        var run = CliRun.Of("plot", Warmup, "--steps", "100", "--base-lr", "0.1,0.01", "--log-y", "-o", path);

        Assert.True(run.Code == 0, run.Err);
        var svg = File.ReadAllText(path);
        Assert.Contains("<svg", svg);
        Assert.Contains("learning rate", svg);
        Assert.Contains("[group 1]", svg);
    }

    [Fact]
    public void Missing_folders_of_the_output_are_created()
    {
        var path = Path.Combine(TempFile.Folder(), "no", "such", "folder", "chart.png");

        var run = CliRun.Of("plot", Step, "--steps", "10", "-o", path);

        Assert.True(run.Code == 0, run.Err);
        Assert.True(new FileInfo(path).Length > 0);
    }

    [Fact]
    public void Output_under_a_file_is_a_user_error()
    {
        var file = TempFile.With(["not a folder"]);
        var path = Path.Combine(file, "chart.png");

        var run = CliRun.Of("plot", Step, "--steps", "10", "-o", path);

        Assert.Equal(2, run.Code);
        Assert.Equal([$"ramp: --output {path}: '{file}' is a file, not a folder"], run.ErrLines);
    }
}
