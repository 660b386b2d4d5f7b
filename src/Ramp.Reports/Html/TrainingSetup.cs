using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ramp.Reports.Measures;
using Ramp.Runs;

namespace Ramp.Reports.Html;

/// <summary>
/// What a case study trained, in words, read from its runs' <c>config.json</c>: model, data, optimizer, batch,
/// steps, peaks, seeds, and each arm's schedule text with what the arm's name means.
/// </summary>
/// <param name="Facts">(what, value) rows: model, data, optimizer, batch, steps, peak learning rates, seeds.</param>
/// <param name="Arms">(arm, schedule text, meaning) per arm, in the report's arm order.</param>
public sealed partial record TrainingSetup(IReadOnlyList<(string What, string Value)> Facts, IReadOnlyList<(string Arm, string Schedule,
    string Meaning)> Arms)
{
    /// <summary>The setup of <paramref name="m"/>'s runs.</summary>
    public static TrainingSetup Of(CaseStudyMeasures m) => Of(m, HalvingOutcome.None);

    /// <summary>
    /// The setup of <paramref name="m"/>'s runs and of the cells successive halving pruned from them: the peaks are the
    /// grid's, those whose every cell was pruned named apart (they are not in the measures).
    /// </summary>
    public static TrainingSetup Of(CaseStudyMeasures m, HalvingOutcome halving)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(halving);
        var runs = m.Arms.SelectMany(a => a.Cells).SelectMany(c => c.Runs).Select(o => o.Run).ToList();
        var facts = new List<(string, string)>
        {
            ("Model", Distinct(runs, Model)),
            ("Data", Distinct(runs, r => Join(r.Config.Data, Extra(r, "data_source") is { ValueKind: JsonValueKind.String } s
                ? $"({s.GetString()})" : ""))),
            ("Optimizer", Distinct(runs, Optimizer)),
            ("Batch", Distinct(runs, r => r.Config.Batch.ToString(CultureInfo.InvariantCulture))),
            ("Steps", Distinct(runs, r => r.Config.Steps.ToString(CultureInfo.InvariantCulture))),
            ("Peak learning rates", Peaks(m, halving)),
            ("Seeds", string.Join(", ", runs.Select(r => r.Config.Seed).Distinct().Order())),
        };
        if (NameScale().Match(m.CaseStudy) is { Success: true } ns && runs.Select(InitGain).FirstOrDefault(g => g is not null) is { } gain
            && Math.Abs(gain / Math.Sqrt(2) - double.Parse(ns.Groups[1].Value, CultureInfo.InvariantCulture)) < 1e-6)
            facts.Add(("Name", $"\"{ns.Value.TrimStart('-')}\" in \"{m.CaseStudy}\": weights initialised at {ns.Groups[1].Value} × " +
                "the He scale"));
        var arms = m.Arms.Select(a =>
        {
            var schedule = Distinct(a.Cells.SelectMany(c => c.Runs).Select(o => o.Run).ToList(), r => r.Config.Schedule);
            var guards = Distinct(a.Cells.SelectMany(c => c.Runs).Select(o => o.Run).ToList(), Guards);
            return (a.Arm, schedule, Meaning(a.Arm, schedule) + (guards.Length > 0 && guards != "–" ? $"; guards: {guards}" : ""));
        }).ToList();
        return new TrainingSetup(facts.Where(f => f.Item2.Length > 0 && f.Item2 != "–").ToList(), arms);
    }

    private static string Peaks(CaseStudyMeasures m, HalvingOutcome halving)
    {
        var prunedOnly = halving.Pruned.Where(d => d.CaseStudy == m.CaseStudy).Select(d => d.PeakLr).Distinct()
            .Where(lr => !m.PeakLrs.Contains(lr)).ToList();
        var all = string.Join(", ", m.PeakLrs.Concat(prunedOnly).Order().Select(Charts.ChartStyle.Format));
        return prunedOnly.Count == 0 ? all : $"{all} ({string.Join(", ", prunedOnly.Order().Select(Charts.ChartStyle.Format))}: " +
            "every cell pruned by successive halving, so not in the measures below)";
    }

    /// <summary>What an arm does, in words, from its schedule text.</summary>
    public static string Meaning(string arm, string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var then = schedule.Contains(">>", StringComparison.Ordinal) ? schedule[(schedule.IndexOf(">>", StringComparison.Ordinal)
            + 2)..].Trim() : "";
        var after = then.Length > 0 ? $", then {then}" : "";
        if (schedule.TrimStart().StartsWith("auto(", StringComparison.Ordinal))
            return "automatic warmup: starts low and raises the rate towards the peak only while the run's gradient and update " +
                "statistics stay calm, holding or backing off when they do not (docs/auto-warmup.md)" + after;
        if (Warmup().Match(schedule) is { Success: true } w)
            return $"linear warmup from near 0 to the peak over the first {w.Groups[1].Value} steps" + after;
        if (ArmNames.IsNoWarmup(arm) || !schedule.Contains("warmup", StringComparison.OrdinalIgnoreCase))
            return $"no warmup: the first step already uses the peak learning rate ({schedule})";
        return schedule;
    }

    private static string Model(Run r)
    {
        if (Extra(r, "model_settings") is not { ValueKind: JsonValueKind.Object } m) return ModelNames.Text(r.Config.Model);
        var kind = Str(m, "kind");
        return kind switch
        {
            "deep-mlp" => $"deep-mlp: {Str(m, "depth")} layers of {Str(m, "width")} ReLU units" +
                          (InitGain(r) is { } g ? $", weights at {(g / Math.Sqrt(2)).ToString("0.###", CultureInfo.InvariantCulture)} × " +
                              "He initialisation" : ""),
            "mlp" => $"mlp: hidden layers {Str(m, "hidden")}",
            "transformer" => $"transformer: {Str(m, "layers")} layers, width {Str(m, "dim")}, {Str(m, "heads")} heads, " +
                             (Str(m, "pre_ln") == "true" ? "Pre-LN" : "Post-LN"),
            _ => kind,
        };
    }

    private static double? InitGain(Run r) =>
        Extra(r, "model_settings") is { ValueKind: JsonValueKind.Object } m &&
        m.TryGetProperty("init_scale", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null;

    private static string Optimizer(Run r)
    {
        if (Extra(r, "optimizer_settings") is not { ValueKind: JsonValueKind.Object } o) return r.Config.Optimizer;
        var parts = new List<string> { Str(o, "name") };
        foreach (var p in o.EnumerateObject().Where(p => p.Name != "name" && p.Value.ValueKind == JsonValueKind.Number
            && p.Value.GetDouble() != 0))
            parts.Add($"{p.Name.Replace('_', ' ')} {p.Value.GetRawText()}");
        // A switch that is on (GI-Adam's gradient_init) is named alone.
        parts.AddRange(o.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.True).Select(p => p.Name.Replace('_', ' ')));
        return string.Join(", ", parts);
    }

    private static string Guards(Run r)
    {
        if (r.Config.Guards is not { ValueKind: JsonValueKind.Object } g) return "";
        return string.Join(", ", g.EnumerateObject().Where(p => p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.False))
            .Select(p => p.Name.Replace('_', ' ')));
    }

    private static string Distinct(IReadOnlyList<Run> runs, Func<Run, string> value)
    {
        var values = runs.Select(value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return values.Count == 0 ? "–" : string.Join("; ", values);
    }

    /// <summary>A field a comparison or <c>ramp train</c> adds to <c>config.json</c> beyond the record's own (read back as JSON).</summary>
    private static JsonElement? Extra(Run r, string name) =>
        r.Config.Extra?.GetValueOrDefault(name) switch
        {
            JsonElement e => e,
            null => null,
            var v => JsonSerializer.SerializeToElement(v, RunJson.Line),
        };

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => "[" + string.Join(", ", v.EnumerateArray().Select(x => x.GetRawText())) + "]",
            _ => "",
        } : "";

    private static string Join(string a, string b) => b.Length == 0 ? a : $"{a} {b}";

    [GeneratedRegex(@"\bwarmup\((\d+)")]
    private static partial Regex Warmup();

    [GeneratedRegex(@"-s(\d+(?:\.\d+)?)$")]
    private static partial Regex NameScale();
}
