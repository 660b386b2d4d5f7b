using System.Text.Json;

namespace Ramp.Cli.Tests.Examples;

/// <summary>The few facts of a run folder (summary.json, events.jsonl) the example claims are judged by.</summary>
public sealed record TrainedRun(
    string Arm, double PeakLr, long Seed, string Status, bool Diverged, double InitialLoss, double FinalLoss, double EvalAccuracy,
    IReadOnlyList<(string Kind, string Name, double Value, string Message)> Events, TrainedRun.AutoOutcome? Auto)
{
    /// <summary>The device the run trained on (config.json's <c>device</c>).</summary>
    public string Device { get; init; } = "";

    /// <summary>The steps it trained (summary.json's <c>steps</c>).</summary>
    public long Steps { get; init; }

    /// <summary>summary.json's <c>auto_warmup</c>: the phase it ended in, the factor of the peak, the suggested peak, the gates that held.</summary>
    public sealed record AutoOutcome(string Phase, double FinalFactor, double SuggestedPeak, int GatesThatHeld);

    /// <summary>Reads <paramref name="dir"/>, or null when it has no summary.json.</summary>
    public static TrainedRun? Read(string dir)
    {
        var path = Path.Combine(dir, "summary.json");
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var s = doc.RootElement;
        var config = s.TryGetProperty("config", out var c) ? c : default;
        var final = s.TryGetProperty("final", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        var eventsFile = Path.Combine(dir, "events.jsonl");
        var events = File.Exists(eventsFile)
            ? File.ReadLines(eventsFile).Where(l => l.Trim().Length > 0).Select(l =>
            {
                using var e = JsonDocument.Parse(l);
                return (Str(e.RootElement, "kind"), Str(e.RootElement, "name"), Num(e.RootElement, "value"), Str(e.RootElement, "message"));
            }).ToList()
            : [];
        return new TrainedRun(
            Str(config, "arm"), Num(config, "peak_lr"), (long)Num(config, "seed"), Str(s, "status"),
            s.TryGetProperty("diverged", out var d) && d.ValueKind == JsonValueKind.True,
            Num(s, "initial_loss"), Num(final, "loss"), Num(final, "eval_accuracy"), events,
            s.TryGetProperty("auto_warmup", out var a) && a.ValueKind == JsonValueKind.Object
                ? new AutoOutcome(Str(a, "phase"), Num(a, "final_factor"), Num(a, "suggested_peak"),
                    a.TryGetProperty("held_by", out var h) && h.ValueKind == JsonValueKind.Object ? h.EnumerateObject().Count() : 0)
                : null)
        { Device = Str(config, "device"), Steps = (long)Num(s, "steps") };
    }

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static double Num(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
}
