using System.Globalization;
using System.Text.Json;

namespace Ramp.Runs;

/// <summary>
/// Trimming the appended files of a run folder, for resume and roll-back: rows and events at or after a checkpoint's
/// step are dropped, and so is a torn last line left by <c>kill -9</c>.
/// </summary>
internal static class RunFiles
{
    /// <summary>Keeps only the header and the CSV rows whose <c>step</c> is below <paramref name="step"/>.</summary>
    internal static void TruncateCsv(string path, long step)
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
    internal static void TruncateJsonl(string path, long step)
    {
        if (!File.Exists(path)) return;
        var kept = File.ReadAllText(path).Split('\n').Where(l => StepOf(l) is { } s && s < step);
        AtomicFile.WriteAllText(path, string.Concat(kept.Select(l => l + "\n")));
    }

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
