using System.Text.Json;

namespace Ramp.Runs;

/// <summary>Writes and reads <c>config.json</c>.</summary>
internal static class ConfigJson
{
    private static readonly string[] Required = ["model", "data", "optimizer", "lr", "schedule", "steps", "batch", "seed", "device"];

    /// <summary>The file's text for <paramref name="config"/>: indented, a newline at the end.</summary>
    internal static string Format(RunConfig config) => JsonSerializer.Serialize(config, RunJson.Indented) + "\n";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="RunFolderException">When the file is missing, is not JSON, lacks a field every config has, or a field has the wrong
    /// type.</exception>
    internal static RunConfig Read(string path, string shown)
    {
        if (!File.Exists(path)) throw new RunFolderException(shown, 0, "missing (not a run folder)");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return From(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new RunFolderException(shown, JsonLines.LineOf(e), JsonLines.Describe(e));
        }
    }

    /// <summary>Converts a parsed configuration object (a <c>config.json</c>, or the <c>config</c> of a <c>summary.json</c>).</summary>
    /// <exception cref="FormatException">When a field every config has is missing.</exception>
    /// <exception cref="JsonException">When a field has the wrong type.</exception>
    internal static RunConfig From(JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
        foreach (var name in Required)
            if (JsonValues.Get(o, name) is null) throw new FormatException($"field '{name}' is missing");
        return o.Deserialize<RunConfig>(RunJson.Indented)!;
    }
}
