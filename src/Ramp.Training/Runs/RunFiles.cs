using System.Globalization;
using System.Text.Json;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Runs;

/// <summary>
/// Reading back and trimming the appended files of a run folder, for resume and roll-back: rows and events at or
/// after a checkpoint's step are dropped, and so is a torn last line left by <c>kill -9</c>.
/// </summary>
public static class RunFiles
{
    /// <summary>Keeps only the header and the CSV rows whose <c>step</c> is below <paramref name="step"/>.</summary>
    public static void TruncateCsv(string path, long step)
    {
        if (!File.Exists(path)) return;
        var lines = File.ReadAllText(path).Split('\n');
        var kept = lines.Take(1).Concat(lines.Skip(1).Where(l =>
        {
            var cells = l.Split(',');
            return cells.Length > 3 && long.TryParse(cells[0], CultureInfo.InvariantCulture, out var s) && s < step;
        }));
        AtomicFile.WriteAllText(path, string.Join("\n", kept.Where(l => l.Length > 0)) + "\n");
    }

    /// <summary>Keeps only the JSON lines that parse and whose <c>step</c> is below <paramref name="step"/>.</summary>
    public static void TruncateJsonl(string path, long step)
    {
        if (!File.Exists(path)) return;
        var kept = File.ReadAllText(path).Split('\n').Where(l => StepOf(l) is { } s && s < step);
        AtomicFile.WriteAllText(path, string.Concat(kept.Select(l => l + "\n")));
    }

    /// <summary>Reads the step records of <c>metrics.jsonl</c> (for replaying the diagnosis after a resume).</summary>
    public static IReadOnlyList<StepRecord> ReadRecords(string path)
    {
        if (!File.Exists(path)) return [];
        var records = new List<StepRecord>();
        foreach (var line in File.ReadAllText(path).Split('\n'))
        {
            if (StepOf(line) is null) continue;
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            double N(string name) => RunJson.ReadNumber(e.GetProperty(name));
            var lrs = e.TryGetProperty("lr", out var lr)
                ? [RunJson.ReadNumber(lr)]
                : Enumerable.Range(0, 1000).TakeWhile(g => e.TryGetProperty($"lr{g}", out _)).Select(g => N($"lr{g}")).ToArray();
            var layers = e.GetProperty("layers").EnumerateObject().Select(p => new KeyValuePair<string, LayerStats>(p.Name, new LayerStats(
                RunJson.ReadNumber(p.Value.GetProperty("grad_norm")), Optional(p.Value, "update_ratio"), Optional(p.Value, "weight_norm")))).ToArray();
            var dead = e.TryGetProperty("dead_units", out var d) && d.ValueKind == JsonValueKind.Object
                ? d.EnumerateObject().Select(p => new KeyValuePair<string, double>(p.Name, RunJson.ReadNumber(p.Value))).ToArray()
                : null;
            records.Add(new StepRecord(e.GetProperty("step").GetInt64(), e.GetProperty("epoch").GetInt64(), N("loss"), Optional(e, "accuracy"),
                lrs, Optional(e, "momentum"), N("grad_norm"), Optional(e, "update_ratio"), Optional(e, "weight_norm"), N("nonfinite") != 0, N("clipped") != 0,
                N("skipped") != 0, N("wall_ms"), layers,
                e.TryGetProperty("schedule_step", out var ss) && ss.ValueKind == JsonValueKind.Number ? ss.GetInt64() : null, dead));
        }
        return records;
    }

    // A field written as null (not measured on that step) or absent reads as null.
    private static double? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? RunJson.ReadNumber(p) : null;

    /// <summary>Reads the events of <c>events.jsonl</c>.</summary>
    public static IReadOnlyList<RunEvent> ReadEvents(string path) => !File.Exists(path)
        ? []
        : File.ReadAllText(path).Split('\n').Where(l => StepOf(l) is not null)
            .Select(l => JsonSerializer.Deserialize<RunEvent>(l, RunJson.Line)!).ToArray();

    private static long? StepOf(string line)
    {
        if (line.Length == 0 || line[0] != '{') return null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
