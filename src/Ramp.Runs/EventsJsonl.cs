using System.Text;
using System.Text.Json;

namespace Ramp.Runs;

/// <summary>Reads and appends <c>events.jsonl</c>; also reads the event objects embedded in <c>summary.json</c>.</summary>
internal static class EventsJsonl
{
    /// <summary>The events of <paramref name="path"/>; <paramref name="truncated"/> tells whether a partial last line was
    /// dropped.</summary>
    /// <exception cref="RunFolderException">When a complete line is malformed.</exception>
    internal static List<RunEvent> Read(string path, string shown, out bool truncated) =>
        JsonLines.Read(path, shown, ToEvent, out truncated);

    /// <summary>Appends <paramref name="events"/>, one line each, in one write.</summary>
    internal static void Append(string path, IEnumerable<RunEvent> events)
    {
        var lines = new StringBuilder();
        foreach (var e in events) lines.Append(JsonSerializer.Serialize(e, RunJson.Line)).Append('\n');
        if (lines.Length == 0) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.AppendAllText(path, lines.ToString());
    }

    /// <summary>Converts one event object.</summary>
    /// <exception cref="FormatException">When <c>step</c>, <c>kind</c> or <c>name</c> is missing or mistyped.</exception>
    internal static RunEvent ToEvent(JsonElement o)
    {
        var step = JsonValues.Get(o, "step") ?? throw new FormatException("field 'step' is missing");
        if (!step.TryGetInt64(out var s)) throw new FormatException($"field 'step' is {step.GetRawText()}, not an integer");
        return new RunEvent(
            s,
            JsonValues.Enum<EventKind>(o, "kind") ?? throw new FormatException("field 'kind' is missing"),
            JsonValues.Text(o, "name") ?? throw new FormatException("field 'name' is missing"),
            JsonValues.Text(o, "layer"),
            JsonValues.Text(o, "message") ?? "",
            JsonValues.Number(o, "value"));
    }
}
