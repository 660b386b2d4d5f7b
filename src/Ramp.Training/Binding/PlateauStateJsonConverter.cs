using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ramp.Schedules.Plateau;

namespace Ramp.Training.Binding;

/// <summary>
/// JSON form of a <see cref="PlateauState"/>, used by <see cref="BinderState"/>: System.Text.Json can write but not
/// read the state's <c>EquatableArray</c>, and refuses the infinite <c>Best</c> of a fresh state. Non-finite numbers
/// are written as the strings <c>"Infinity"</c>, <c>"-Infinity"</c>, <c>"NaN"</c>.
/// </summary>
public sealed class PlateauStateJsonConverter : JsonConverter<PlateauState>
{
    /// <inheritdoc />
    public override PlateauState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("plateau state: expected an object");
        var factors = new List<double>();
        double best = double.NaN, pendingSum = 0;
        int badEpochs = 0, cooldownLeft = 0, pendingCount = 0;
        long observed = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case nameof(PlateauState.Factors):
                    if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("plateau state: Factors must be an array");
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) factors.Add(Number(ref reader));
                    break;
                case nameof(PlateauState.Best): best = Number(ref reader); break;
                case nameof(PlateauState.BadEpochs): badEpochs = reader.GetInt32(); break;
                case nameof(PlateauState.CooldownLeft): cooldownLeft = reader.GetInt32(); break;
                case nameof(PlateauState.Observed): observed = reader.GetInt64(); break;
                case nameof(PlateauState.PendingSum): pendingSum = Number(ref reader); break;
                case nameof(PlateauState.PendingCount): pendingCount = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }
        return new PlateauState(factors.ToArray(), best, badEpochs, cooldownLeft, observed, pendingSum, pendingCount);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PlateauState value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(nameof(PlateauState.Factors));
        foreach (var f in value.Factors) WriteNumber(writer, f);
        writer.WriteEndArray();
        writer.WritePropertyName(nameof(PlateauState.Best));
        WriteNumber(writer, value.Best);
        writer.WriteNumber(nameof(PlateauState.BadEpochs), value.BadEpochs);
        writer.WriteNumber(nameof(PlateauState.CooldownLeft), value.CooldownLeft);
        writer.WriteNumber(nameof(PlateauState.Observed), value.Observed);
        writer.WritePropertyName(nameof(PlateauState.PendingSum));
        WriteNumber(writer, value.PendingSum);
        writer.WriteNumber(nameof(PlateauState.PendingCount), value.PendingCount);
        writer.WriteEndObject();
    }

    private static double Number(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : reader.GetDouble();

    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
