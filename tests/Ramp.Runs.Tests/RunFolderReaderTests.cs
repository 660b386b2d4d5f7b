using Ramp.Runs.Tests.Fixtures;

namespace Ramp.Runs.Tests;

public class RunFolderReaderTests
{
    [Fact]
    public void Reads_config_metrics_events_and_summary()
    {
        using var tmp = new TempDir();
        new RunWriter
        {
            Dir = tmp.Sub("r"), Arm = "warmup-10", PeakLr = 0.4, Seed = 3, Steps = 20,
            Events = [new RunEvent(4, EventKind.Guard, "clip", null, "clipped", 2.5)],
        }.Write();
        var run = RunFolderReader.Read(tmp.Sub("r"));
        Assert.Equal(("mlp", "warmup-10", 0.4, 3), (run.CaseStudy, run.Arm, run.PeakLr, run.Config.Seed));
        Assert.Equal(20, run.Metrics.Count);
        Assert.Equal(19, run.Metrics[^1].Step);
        Assert.Equal(2.3 * Math.Exp(-19 / 20.0) + 0.2, run.Metrics[^1].Loss, 12);
        Assert.Equal(0.1, run.Metrics[5].Lr);
        var e = Assert.Single(run.Events);
        Assert.Equal((4L, "clip", true, 2.5), (e.Step, e.Name, e.IsGuard, e.Value));
        Assert.NotNull(run.Summary);
        Assert.Equal(RunStatus.Finished, run.Summary!.Status);
        Assert.True(run.IsComplete);
        Assert.False(run.Truncated);
    }

    [Fact]
    public void Reads_nonfinite_values_written_as_names()
    {
        using var tmp = new TempDir();
        new RunWriter { Dir = tmp.Sub("r"), Steps = 10, Loss = t => t < 4 ? 1 : double.PositiveInfinity }.Write();
        var run = RunFolderReader.Read(tmp.Sub("r"));
        Assert.Equal(5, run.Metrics.Count);
        Assert.True(double.IsPositiveInfinity(run.Metrics[4].Loss));
        Assert.True(run.Metrics[4].NonFinite);
        Assert.True(run.Summary!.Diverged);
        Assert.Equal(4L, run.Summary.DivergedAt);
    }

    [Fact]
    public void A_run_in_progress_drops_its_partial_last_line_and_has_no_summary()
    {
        using var tmp = new TempDir();
        var dir = new RunWriter { Dir = tmp.Sub("r"), Steps = 10, Finished = false }.Write();
        File.AppendAllText(Path.Combine(dir, "metrics.jsonl"), "{\"step\": 10, \"loss\": 0.");
        File.AppendAllText(Path.Combine(dir, "events.jsonl"), "{\"step\": 9, \"ki");
        var run = RunFolderReader.Read(dir);
        Assert.Equal(10, run.Metrics.Count);
        Assert.Empty(run.Events);
        Assert.Null(run.Summary);
        Assert.True(run.Truncated);
        Assert.False(run.IsComplete);
    }

    [Fact]
    public void A_bad_row_in_the_middle_names_the_file_and_line()
    {
        using var tmp = new TempDir();
        var dir = new RunWriter { Dir = tmp.Sub("r"), Steps = 10 }.Write();
        File.Delete(Path.Combine(dir, "metrics.jsonl")); // a folder with only the CSV (older writers) reads from it
        var path = Path.Combine(dir, "metrics.csv");
        var lines = File.ReadAllLines(path);
        lines[4] = lines[4].Replace(lines[4].Split(',')[2], "abc");
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<RunFolderException>(() => RunFolderReader.Read(dir));
        Assert.Equal(5, e.Line);
        Assert.EndsWith("metrics.csv", e.File);
        Assert.Equal("column 'loss' is 'abc', not a number", e.Problem);
        Assert.Contains("metrics.csv line 5: column 'loss'", e.Message);
    }

    [Fact]
    public void A_short_complete_row_is_an_error_not_a_partial_write()
    {
        using var tmp = new TempDir();
        var dir = new RunWriter { Dir = tmp.Sub("r"), Steps = 3 }.Write();
        File.Delete(Path.Combine(dir, "metrics.jsonl"));
        File.AppendAllText(Path.Combine(dir, "metrics.csv"), "3,0,1\n");
        var e = Assert.Throws<RunFolderException>(() => RunFolderReader.Read(dir));
        Assert.Equal(5, e.Line);
        Assert.Equal("expected 13 columns but found 3", e.Problem);
    }

    [Fact]
    public void Bad_json_in_events_names_the_line()
    {
        using var tmp = new TempDir();
        var dir = new RunWriter { Dir = tmp.Sub("r"), Steps = 3 }.Write();
        File.WriteAllText(Path.Combine(dir, "events.jsonl"), "{\"step\": 1, \"kind\": \"guard\", \"name\": \"clip\"}\n{oops}\n{}\n");
        var e = Assert.Throws<RunFolderException>(() => RunFolderReader.Read(dir));
        Assert.Equal(2, e.Line);
        Assert.StartsWith("not valid JSON", e.Problem);
    }

    [Fact]
    public void An_event_without_a_name_is_an_error()
    {
        using var tmp = new TempDir();
        var dir = new RunWriter { Dir = tmp.Sub("r"), Steps = 3 }.Write();
        File.WriteAllText(Path.Combine(dir, "events.jsonl"), "{\"step\": 1, \"kind\": \"guard\"}\n");
        var e = Assert.Throws<RunFolderException>(() => RunFolderReader.Read(dir));
        Assert.Equal((1, "field 'name' is missing"), (e.Line, e.Problem));
    }

    [Fact]
    public void Missing_config_is_an_error_naming_it()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.Sub("r"));
        var e = Assert.Throws<RunFolderException>(() => RunFolderReader.Read(tmp.Sub("r")));
        Assert.Equal("missing (not a run folder)", e.Problem);
        Assert.EndsWith("config.json", e.File);
    }

    [Fact]
    public void Malformed_summary_names_the_file_and_line()
    {
        using var tmp = new TempDir();
        var dir = new RunWriter { Dir = tmp.Sub("r"), Steps = 3 }.Write();
        File.WriteAllText(Path.Combine(dir, "summary.json"), "{\n \"status\": \"finished\",\n \"steps\": }");
        var e = Assert.Throws<RunFolderException>(() => RunFolderReader.Read(dir));
        Assert.Equal(3, e.Line);
        Assert.EndsWith("summary.json", e.File);
    }

    [Fact]
    public void Per_layer_statistics_come_from_metrics_jsonl()
    {
        using var tmp = new TempDir();
        var dir = new RunWriter
        {
            Dir = tmp.Sub("r"), Steps = 4,
            Layers = t => [new("fc1", new LayerStats(t + 1, 0.5, double.NaN))],
        }.Write();
        var run = RunFolderReader.Read(dir);
        Assert.True(run.HasLayers);
        var fc1 = Assert.Single(run.Metrics[3].Layers);
        Assert.Equal(("fc1", 4.0, 0.5), (fc1.Key, fc1.Value.GradNorm, fc1.Value.UpdateRatio));
        Assert.True(double.IsNaN(fc1.Value.WeightNorm!.Value));
    }

    [Fact]
    public void ReadAll_merges_shards_and_rejects_duplicates()
    {
        using var tmp = new TempDir();
        new RunWriter { Dir = tmp.Sub("a", "runs", "x"), Seed = 1 }.Write();
        new RunWriter { Dir = tmp.Sub("b", "runs", "y"), Seed = 2 }.Write();
        Assert.Equal(2, RunFolderReader.ReadAll([tmp.Sub("a"), tmp.Sub("b")]).Count);
        new RunWriter { Dir = tmp.Sub("c", "z"), Seed = 2 }.Write();
        var e = Assert.Throws<RunFolderException>(() => RunFolderReader.ReadAll([tmp.Sub("b"), tmp.Sub("c")]));
        Assert.Contains("also in", e.Problem);
        var empty = Assert.Throws<RunFolderException>(() => RunFolderReader.ReadAll([tmp.Sub("a", "runs", "x", "..", "..", "..")]));
        Assert.Contains("holds no run folder", empty.Problem);
    }
}
