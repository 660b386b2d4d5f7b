using System.Text.Json;

namespace Ramp.Runs;

/// <summary>Reads <c>metrics.jsonl</c>: the CSV's fields plus <c>layers</c> and <c>dead_units</c>, one object per step.</summary>
internal static class MetricsJsonl
{
    /// <summary>The rows of <paramref name="path"/>; <paramref name="truncated"/> tells whether a partial last line was dropped.</summary>
    /// <exception cref="RunFolderException">When a complete line is malformed.</exception>
    internal static List<StepRecord> Read(string path, string shown, out bool truncated) =>
        JsonLines.Read(path, shown, ToRecord, out truncated);

    /// <summary>Converts one line's object. Absent and null fields read as null (or NaN for the numbers every row has).</summary>
    /// <exception cref="FormatException">When <c>step</c> is missing or a field has the wrong type.</exception>
    internal static StepRecord ToRecord(JsonElement o)
    {
        var step = JsonValues.Get(o, "step") ?? throw new FormatException("field 'step' is missing");
        if (!step.TryGetInt64(out var s) || s < 0) throw new FormatException($"field 'step' is {step.GetRawText()}, not a " +
            "non-negative integer");
        var lrs = new List<double>();
        if (JsonValues.OptionalNumber(o, "lr") is { } lr) lrs.Add(lr);
        for (var g = 0; JsonValues.OptionalNumber(o, $"lr{g}") is { } lrg; g++) lrs.Add(lrg);
        var layers = new List<KeyValuePair<string, LayerStats>>();
        if (JsonValues.Get(o, "layers") is { ValueKind: JsonValueKind.Object } l)
            foreach (var p in l.EnumerateObject())
                layers.Add(new(p.Name, new LayerStats(JsonValues.Number(p.Value, "grad_norm"),
                    JsonValues.OptionalNumber(p.Value, "update_ratio"), JsonValues.OptionalNumber(p.Value, "weight_norm"))
                {
                    AngularUpdate = JsonValues.OptionalNumber(p.Value, "angular_update"),
                }));
        List<KeyValuePair<string, double>>? dead = null;
        if (JsonValues.Get(o, "dead_units") is { ValueKind: JsonValueKind.Object } d)
            dead = d.EnumerateObject().Select(p => new KeyValuePair<string, double>(p.Name, JsonValues.ToDouble(p.Value, p.Name))).ToList();
        var scheduleStep = JsonValues.OptionalNumber(o, "schedule_step");
        List<KeyValuePair<string, double>>? optimizer = null;
        if (JsonValues.Get(o, "optimizer") is { ValueKind: JsonValueKind.Object } opt)
            optimizer = opt.EnumerateObject().Select(p => new KeyValuePair<string, double>(p.Name, JsonValues.ToDouble(p.Value,
                p.Name))).ToList();
        return new StepRecord(
            s, (long)(JsonValues.OptionalNumber(o, "epoch") ?? 0), JsonValues.Number(o, "loss"), JsonValues.OptionalNumber(o, "accuracy"),
            lrs, JsonValues.OptionalNumber(o, "momentum"), JsonValues.Number(o, "grad_norm"),
            JsonValues.OptionalNumber(o, "update_ratio"), JsonValues.OptionalNumber(o, "weight_norm"),
            Flag(o, "nonfinite"), Flag(o, "clipped"), Flag(o, "skipped"), JsonValues.Number(o, "wall_ms"), layers,
            scheduleStep is { } ss ? (long)ss : null, dead)
        { Optimizer = optimizer };
    }

    // The writer puts 0/1; booleans are read too.
    private static bool Flag(JsonElement o, string name) => JsonValues.Get(o, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.Number } v => v.GetDouble() == 1,
        _ => false,
    };
}
