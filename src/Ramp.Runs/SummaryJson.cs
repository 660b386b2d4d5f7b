using System.Text.Json;

namespace Ramp.Runs;

/// <summary>Writes and reads <c>summary.json</c>; an absent or empty file (a run that has not written one) reads as null.</summary>
internal static class SummaryJson
{
    /// <summary>The file's text for <paramref name="summary"/>: indented, a newline at the end.</summary>
    internal static string Format(RunSummary summary) => JsonSerializer.Serialize(summary, RunJson.Indented) + "\n";

    /// <summary>The summary of <paramref name="path"/>, or null when the run has not written one.</summary>
    /// <exception cref="RunFolderException">When the file is present but not a valid summary.</exception>
    internal static RunSummary? Read(string path, string shown)
    {
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path);
        if (text.Trim().Length == 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var o = doc.RootElement;
            if (o.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
            foreach (var name in (string[])["config", "status", "steps", "final"])
                if (JsonValues.Get(o, name) is null) throw new FormatException($"field '{name}' is missing");
            var config = ConfigJson.From(o.GetProperty("config"));
            var summary = o.Deserialize<RunSummary>(RunJson.Indented)!;
            // Lists that older writers left out read as empty.
            return summary with
            {
                Config = config,
                Diagnosis = summary.Diagnosis ?? [],
                GuardEvents = summary.GuardEvents ?? [],
                ScheduleEvents = summary.ScheduleEvents ?? [],
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new RunFolderException(shown, JsonLines.LineOf(e), JsonLines.Describe(e));
        }
    }
}
