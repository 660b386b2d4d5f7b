using System.Globalization;
using System.Text.Json;

namespace Ramp.Cli.Tests;

/// <summary>
/// <c>ramp compare</c> with the arms that try to replace warmup (Schedule-Free, GI-Adam, StableAdamW, Prodigy): each
/// cell trains its own optimizer at its own rate, records both in config.json, shows in summary.csv, and a changed
/// learning-rate scale is refused like any other changed setting.
/// </summary>
public sealed class CompareReplacementArmsTests : IDisposable
{
    private readonly string _dir = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string GridFile(double prodigyScale = 250)
    {
        var path = Path.Combine(_dir, "grid.json");
        var scale = prodigyScale.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(path, $$"""
            { "grids": [
              { "case_study": "adam", "data": "fashion-mnist", "model": { "kind": "mlp", "hidden": [16] },
                "optimizer": { "name": "adamw", "beta2": 0.99 }, "batch": 32, "steps": 12, "peaks": [0.004],
                "arms": [
                  { "name": "schedule-free", "schedule": "constant()", "optimizer": "schedule-free-adamw" },
                  { "name": "gi-adam", "schedule": "cosine({steps})", "gi": true },
                  { "name": "stable-adamw", "schedule": "cosine({steps})", "optimizer": "stable-adamw" },
                  { "name": "prodigy", "schedule": "cosine({steps})", "optimizer": "prodigy", "lr_scale": {{scale}} } ] },
              { "case_study": "sgd", "data": "fashion-mnist", "model": { "kind": "mlp", "hidden": [16] },
                "optimizer": { "name": "sgd", "momentum": 0.9 }, "batch": 32, "steps": 12, "peaks": [0.05],
                "arms": [ { "name": "schedule-free+warmup", "schedule": "warmup(3) >> constant()",
                            "optimizer": "schedule-free-sgd", "lr_scale": 10 } ] } ] }
            """);
        return path;
    }

    [Fact]
    public void Each_arm_trains_and_records_its_optimizer_and_rate_and_a_rerun_keeps_them()
    {
        var outDir = Path.Combine(_dir, "cmp");
        var run = CliRun.Of("compare", "--grid-file", GridFile(), "--out", outDir, "--jobs", "1");
        Assert.True(run.Code == 0, run.Out + run.Err);

        (string Run, string Optimizer, double Lr, double Peak, string Setting, object Value)[] expected =
        [
            ("adam__schedule-free__lr0.004__s1", "schedule-free-adamw", 0.004, 0.004, "beta2", 0.99),
            ("adam__gi-adam__lr0.004__s1", "adamw", 0.004, 0.004, "gradient_init", true),
            ("adam__stable-adamw__lr0.004__s1", "stable-adamw", 0.004, 0.004, "beta2", 0.99),
            ("adam__prodigy__lr0.004__s1", "prodigy", 1, 0.004, "name", "prodigy"),
            ("sgd__schedule-free_warmup__lr0.05__s1", "schedule-free-sgd", 0.5, 0.05, "momentum", 0.9),
        ];
        foreach (var (id, optimizer, lr, peak, setting, value) in expected)
        {
            using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "runs", id, "config.json")));
            var c = config.RootElement;
            Assert.Equal(optimizer, c.GetProperty("optimizer").GetString());
            Assert.Equal(lr, c.GetProperty("lr").GetDouble(), 12);
            Assert.Equal(peak, c.GetProperty("peak_lr").GetDouble());
            var recorded = c.GetProperty("optimizer_settings").GetProperty(setting);
            object actual = value switch { bool => recorded.GetBoolean(), string => recorded.GetString()!, _ => recorded.GetDouble() };
            Assert.Equal(value, actual);
        }

        // Prodigy's estimate d grew from its start (1e-6); Schedule-Free logs its averaging weight.
        var prodigy = Column(outDir, "adam__prodigy__lr0.004__s1", "prodigy_d");
        Assert.InRange(prodigy[^1], 2 * prodigy[0], 1);
        Assert.InRange(Column(outDir, "adam__schedule-free__lr0.004__s1", "schedule_free_weight")[^1], 1e-3, 0.5);

        // Every arm has its row; the Adam-family ones learned in 12 steps (an untrained model is at chance, 0.1).
        var rows = File.ReadAllLines(Path.Combine(outDir, "summary.csv")).Select(l => l.Split(',')).ToList();
        var final = rows[0].ToList().IndexOf("mean_final");
        foreach (var arm in new[] { "schedule-free", "gi-adam", "stable-adamw" })
        {
            var row = Assert.Single(rows, r => r[0] == "cell" && r[1] == "adam" && r[2] == arm);
            Assert.InRange(double.Parse(row[final], CultureInfo.InvariantCulture), 0.2, 1);
        }
        Assert.Single(rows, r => r[0] == "cell" && r[1] == "adam" && r[2] == "prodigy");
        Assert.Single(rows, r => r[0] == "cell" && r[1] == "sgd" && r[2] == "schedule-free+warmup");

        var again = CliRun.Of("compare", "--grid-file", GridFile(), "--out", outDir, "--jobs", "1");
        Assert.Equal(0, again.Code);
        Assert.Equal(5, again.OutLines.Count(l => l.Contains(": already finished") || l.Contains(": already diverged")));

        var changed = CliRun.Of("compare", "--grid-file", GridFile(prodigyScale: 500), "--out", outDir, "--jobs", "1");
        Assert.Equal(2, changed.Code);
        Assert.Contains("this run was made with lr 1, the grid now asks for 2", Assert.Single(changed.ErrLines));
    }

    private static double[] Column(string outDir, string run, string name)
    {
        var lines = File.ReadAllLines(Path.Combine(outDir, "runs", run, "metrics.csv"));
        var at = lines[0].Split(',').ToList().IndexOf(name);
        Assert.True(at >= 0, $"{run}: no {name} column");
        return [.. lines.Skip(1).Select(l => double.Parse(l.Split(',')[at], CultureInfo.InvariantCulture))];
    }
}
