using System.Text.Json;

namespace Ramp.Reports.RunFolders;

/// <summary>Reads <c>summary.json</c>; an absent or empty file (a run that has not finished) reads as null.</summary>
internal static class SummaryJson
{
    /// <summary>The summary of <paramref name="path"/>, or null when the run has not written one.</summary>
    /// <exception cref="RunFolderException">When the file is present but not a valid summary.</exception>
    internal static RunSummary? Read(string path, string shown)
    {
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path);
        if (text.Trim().Length == 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var o = doc.RootElement;
            if (o.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
            var final = JsonValues.Get(o, "final") ?? default;
            var config = JsonValues.Get(o, "config") ?? default;
            var divergedAt = JsonValues.OptionalNumber(o, "diverged_at");
            return new RunSummary(
                JsonValues.Text(o, "status") ?? "running",
                (long)(JsonValues.OptionalNumber(o, "steps") ?? 0),
                JsonValues.Number(o, "wall_seconds"),
                JsonValues.Number(o, "initial_loss"),
                JsonValues.Number(final, "loss"),
                JsonValues.Number(final, "accuracy"),
                JsonValues.Number(final, "eval_loss"),
                JsonValues.Number(final, "eval_accuracy"),
                JsonValues.Flag(o, "diverged") ?? false,
                divergedAt is { } d && double.IsFinite(d) ? (long)d : null,
                JsonValues.OptionalNumber(o, "unigram_baseline") ?? JsonValues.OptionalNumber(config, "unigram_baseline"));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new RunFolderException(shown, Line(e), JsonLines.Describe(e));
        }
    }

    // JsonException counts lines from 0; the error names lines from 1.
    private static int Line(Exception e) => e is JsonException { LineNumber: { } n } ? (int)n + 1 : 0;
}
