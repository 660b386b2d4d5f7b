using System.Globalization;
using System.Text.Json;
using Ramp.Schedules.Text;

namespace Ramp.Training.Studies;

/// <summary>Typed reads from a grid file's JSON that throw <see cref="GridFileException"/> naming the JSON path.</summary>
internal sealed class JsonReading(string file)
{
    public string File { get; } = file;

    public void Fields(JsonElement e, string at, IReadOnlyList<string> allowed)
    {
        if (e.ValueKind != JsonValueKind.Object) throw Wrong(at, "an object", e);
        foreach (var p in e.EnumerateObject())
        {
            if (allowed.Contains(p.Name)) continue;
            var near = NearestNames.Find(p.Name, allowed);
            var hint = near.Count > 0 ? $" (did you mean '{near[0]}'?)" : $" (known: {string.Join(", ", allowed)})";
            throw new GridFileException(File, $"{at}.{p.Name}", $"unknown field{hint}");
        }
    }

    public JsonElement Required(JsonElement e, string at, string name) =>
        e.TryGetProperty(name, out var v) ? v : throw new GridFileException(File, $"{at}.{name}", "missing");

    public string Choice(JsonElement e, string at, string name, IReadOnlyList<string> choices, string? fallback)
    {
        if (!e.TryGetProperty(name, out var v))
            return fallback ?? throw new GridFileException(File, $"{at}.{name}", $"missing (one of {string.Join(", ", choices)})");
        var s = Text(v, $"{at}.{name}");
        return choices.Contains(s) ? s : throw new GridFileException(File, $"{at}.{name}",
            $"'{s}' is not one of {string.Join(", ", choices)}");
    }

    public string Text(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s ? s : throw Wrong(at, "a non-empty string", e);

    public bool Bool(JsonElement e, string at) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong(at, "true or false", e),
    };

    public List<JsonElement> Array(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : throw Wrong(at, "an array", e);

    public double Double(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.Number && double.IsFinite(e.GetDouble()) ? e.GetDouble() : throw Wrong(at, "a number", e);

    public double Positive(JsonElement e, string at)
    {
        var v = Double(e, at);
        return v > 0 ? v : throw new GridFileException(File, at, $"must be > 0 but was {v.ToString("R", CultureInfo.InvariantCulture)}");
    }

    public long Long(JsonElement e, string at) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? v : throw Wrong(at, "a whole number", e);

    public long? OptionalLong(JsonElement e, string at, string name) => e.TryGetProperty(name, out var v) ? Long(v, $"{at}.{name}") : null;

    public double? OptionalDouble(JsonElement e, string at, string name) => e.TryGetProperty(name, out var v) ? Double(v,
        $"{at}.{name}") : null;

    private GridFileException Wrong(string at, string expected, JsonElement actual) =>
        new(File, at, $"expected {expected} but found {Shown(actual)}");

    private static string Shown(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"\"{e.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => e.GetRawText(),
    };
}
