using System.Text.Json;

namespace Ramp.Reports.RunFolders;

/// <summary>Reads <c>metrics.jsonl</c>: the CSV's fields plus <c>layers</c>, one object per step.</summary>
internal static class MetricsJsonl
{
    /// <summary>The rows of <paramref name="path"/>.</summary>
    /// <exception cref="RunFolderException">When a complete line is malformed.</exception>
    internal static List<MetricRow> Read(string path, string shown, out bool truncated) =>
        JsonLines.Read(path, shown, ToRow, out truncated);

    private static MetricRow ToRow(JsonElement o)
    {
        var step = JsonValues.Get(o, "step") ?? throw new FormatException("field 'step' is missing");
        if (!step.TryGetInt64(out var s) || s < 0) throw new FormatException($"field 'step' is {step.GetRawText()}, not a non-negative integer");
        var lrs = new List<double>();
        if (JsonValues.OptionalNumber(o, "lr") is { } lr) lrs.Add(lr);
        for (var g = 0; JsonValues.OptionalNumber(o, $"lr{g}") is { } lrg; g++) lrs.Add(lrg);
        Dictionary<string, LayerStats>? layers = null;
        if (JsonValues.Get(o, "layers") is { ValueKind: JsonValueKind.Object } l)
        {
            layers = [];
            foreach (var p in l.EnumerateObject())
                layers[p.Name] = new LayerStats(
                    JsonValues.Number(p.Value, "grad_norm"), JsonValues.Number(p.Value, "update_ratio"),
                    JsonValues.Number(p.Value, "weight_norm"));
        }
        return new MetricRow(
            s, JsonValues.Number(o, "epoch"), JsonValues.Number(o, "loss"), JsonValues.Number(o, "accuracy"), lrs,
            JsonValues.Number(o, "grad_norm"), JsonValues.Number(o, "update_ratio"),
            Flag(o, "nonfinite"), Flag(o, "clipped"), Flag(o, "skipped"), layers);
    }

    // The CSV writes flags as 0/1; the JSON form may use either numbers or booleans.
    private static bool Flag(JsonElement o, string name) => JsonValues.Get(o, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.Number } v => v.GetDouble() == 1,
        _ => false,
    };
}
