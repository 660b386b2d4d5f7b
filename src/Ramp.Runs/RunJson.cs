using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ramp.Runs;

/// <summary>
/// The JSON conventions of the run folder: snake_case names, enums as their snake_case names, shortest round-trip
/// numbers, and non-finite values as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.
/// </summary>
public static class RunJson
{
    /// <summary>Serializer options for whole documents (config, summary, checkpoint index), indented.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Serializer options for one-line records (events.jsonl).</summary>
    public static JsonSerializerOptions Line { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Spec text such as "warmup(100) >> cosine(900)" stays readable; the files are data, never HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes <paramref name="value"/> into a JSON element with the run folder's conventions (for <see
    /// cref="RunConfig.Guards"/> and the like).</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Line);

    /// <summary>The name an enum value is written by (e.g. <c>diverged</c>, <c>auto_warmup</c>, <c>deep-mlp</c>).</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, Line).Trim('"');

    /// <summary>Writes a number property, or its non-finite name as a string.</summary>
    internal static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteString(name, Format(value));
    }

    /// <summary>Formats a number in shortest round-trip form with the invariant culture (<c>NaN</c>, <c>Infinity</c>,
    /// <c>-Infinity</c>).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
