namespace Ramp.Runs.Tests;

public sealed class RunFilesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ramp-runfiles-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static StepRecord Row(long step, double loss, double norm, bool nonFinite = false) =>
        new(step, 0, loss, 0.5, [0.1], null, norm, 1e-3, 10, nonFinite, false, false, 1,
            [new("fc1", new LayerStats(norm / 2, 1e-3, 5)), new("fc2", new LayerStats(norm / 2, 1e-3, 5))]);

    [Fact]
    public void Rows_round_trip_with_non_finite_values_written_as_names()
    {
        var folder = new RunFolder(_dir);
        var writer = new MetricsWriter(folder.Path, groups: 1, momentum: false);
        var rows = new[] { Row(0, 2.5, 1), Row(1, double.NaN, double.PositiveInfinity, nonFinite: true) };
        writer.Append(rows);
        var csv = File.ReadAllLines(folder.MetricsCsv);
        Assert.Equal("step,epoch,loss,accuracy,lr,grad_norm,update_ratio,weight_norm,nonfinite,clipped,skipped,schedule_step,wall_ms", csv[0]);
        Assert.Equal("1,0,NaN,0.5,0.1,Infinity,0.001,10,1,0,0,,1", csv[2]);
        Assert.Contains("\"loss\":\"NaN\"", File.ReadAllLines(folder.MetricsJsonl)[1]);
        var back = folder.ReadRecords();
        Assert.Equal(2, back.Count);
        Assert.True(double.IsNaN(back[1].Loss));
        Assert.Equal(rows[0].Layers, back[0].Layers);
        Assert.Equal(rows[0] with { Lrs = back[0].Lrs, Layers = back[0].Layers }, back[0]);
    }

    [Fact]
    public void Truncation_drops_rows_at_or_after_the_step_and_a_torn_last_line()
    {
        var folder = new RunFolder(_dir);
        var writer = new MetricsWriter(folder.Path, groups: 2, momentum: true);
        writer.Append(Enumerable.Range(0, 5).Select(i => Row(i, 2, 1) with { Lrs = [0.1, 0.2], Momentum = 0.9 }).ToArray());
        File.AppendAllText(folder.MetricsJsonl, "{\"step\":5,\"loss\":");
        File.AppendAllText(folder.MetricsCsv, "5,0,2.");
        folder.AppendEvents([new RunEvent(1, EventKind.Guard, "clip", null, "clipped", 3), new RunEvent(4, EventKind.Guard, "skip", null, "skipped", 9)]);
        folder.TruncateFrom(3, events: true);
        var csv = File.ReadAllLines(folder.MetricsCsv);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("step,epoch,loss,accuracy,lr0,lr1,momentum,", csv[0]);
        Assert.Equal([0L, 1, 2], folder.ReadRecords().Select(r => r.Step));
        Assert.Equal("clip", Assert.Single(folder.ReadEvents()).Name);
        new MetricsWriter(folder.Path, 2, true).Append([Row(3, 2, 1) with { Lrs = [0.1, 0.2] }]);
        Assert.Equal(5, File.ReadAllLines(folder.MetricsCsv).Length);
    }

    [Fact]
    public void Atomic_write_replaces_the_whole_file_and_leaves_no_temp_files()
    {
        var path = Path.Combine(_dir, "a", "x.json");
        AtomicFile.WriteAllText(path, "old content that is long");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException()));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
