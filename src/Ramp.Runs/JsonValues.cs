using System.Globalization;
using System.Text.Json;

namespace Ramp.Runs;

/// <summary>
/// Reads the run folder's JSON conventions: numbers may be JSON numbers or the strings <c>"NaN"</c>,
/// <c>"Infinity"</c>, <c>"-Infinity"</c>; absent and <c>null</c> fields read as missing.
/// </summary>
internal static class JsonValues
{
    /// <summary>The property <paramref name="name"/> of an object, or null when absent, null, or not an object.</summary>
    internal static JsonElement? Get(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v : null;

    /// <summary>A number field, NaN when absent; throws <see cref="FormatException"/> when it is not a number.</summary>
    internal static double Number(JsonElement obj, string name) =>
        Get(obj, name) is { } v ? ToDouble(v, name) : double.NaN;

    /// <summary>A number field, null when absent.</summary>
    internal static double? OptionalNumber(JsonElement obj, string name) =>
        Get(obj, name) is { } v ? ToDouble(v, name) : null;

    /// <summary>A string field, null when absent; numbers and booleans are given as their text.</summary>
    internal static string? Text(JsonElement obj, string name) => Get(obj, name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => v.GetRawText(),
        null => null,
    };

    /// <summary>An enum field written by its snake_case name (<see cref="RunJson"/>), null when absent.</summary>
    /// <exception cref="FormatException">When the field is not one of the names; the message lists them.</exception>
    internal static T? Enum<T>(JsonElement obj, string name) where T : struct, System.Enum
    {
        if (Get(obj, name) is not { } v) return null;
        try
        {
            if (v.ValueKind == JsonValueKind.String) return v.Deserialize<T>(RunJson.Line);
        }
        catch (JsonException)
        {
        }
        var names = System.Enum.GetValues<T>().Select(x => JsonSerializer.Serialize(x, RunJson.Line).Trim('"'));
        throw new FormatException($"field '{name}' is {v.GetRawText()}, expected one of {string.Join(", ", names)}");
    }

    /// <summary>A boolean field, null when absent.</summary>
    internal static bool? Flag(JsonElement obj, string name) => Get(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } => throw new FormatException($"field '{name}' should be true or false"),
        null => null,
    };

    /// <summary>Converts a number or a number-as-string element.</summary>
    internal static double ToDouble(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when Parse(v.GetString()) is { } d => d,
        _ => throw new FormatException($"field '{name}' is {v.GetRawText()}, not a number"),
    };

    /// <summary>Parses the run folder's number text (invariant culture, NaN and infinities by name).</summary>
    internal static double? Parse(string? text) => text switch
    {
        null => null,
        "NaN" or "nan" => double.NaN,
        "Infinity" or "inf" or "+Infinity" => double.PositiveInfinity,
        "-Infinity" or "-inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
    };
}
