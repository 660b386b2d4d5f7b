using System.Text.Json;

namespace Ramp.Reports.RunFolders;

/// <summary>
/// What a report needs from a run's <c>config.json</c>: the grid coordinates a comparison adds
/// (<c>case_study</c>, <c>arm</c>, <c>peak_lr</c>, <c>seed</c>, <c>schedule</c>) plus the raw document.
/// </summary>
/// <param name="CaseStudy">The case study's name; empty for a lone run.</param>
/// <param name="Arm">The arm (e.g. <c>no-warmup</c>, <c>warmup-174</c>); the folder name for a lone run.</param>
/// <param name="PeakLr">The peak learning rate; falls back to <c>lr</c>; NaN when neither is given.</param>
/// <param name="Seed">The seed; 0 when not given.</param>
/// <param name="Schedule">The schedule's text; empty when not given.</param>
/// <param name="UnigramBaseline">For language models, the unigram-entropy loss (nats), or null.</param>
/// <param name="Command">The command that produced the run, when the writer recorded it, or null.</param>
/// <param name="Raw">The whole <c>config.json</c> document.</param>
public sealed record RunConfig(
    string CaseStudy, string Arm, double PeakLr, long Seed, string Schedule,
    double? UnigramBaseline, string? Command, JsonElement Raw)
{
    /// <summary>Reads the fields from a parsed <c>config.json</c>; <paramref name="folderName"/> names a lone run's arm.</summary>
    /// <exception cref="FormatException">When a field has the wrong type.</exception>
    public static RunConfig From(JsonElement raw, string folderName)
    {
        if (raw.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
        var peak = JsonValues.OptionalNumber(raw, "peak_lr") ?? JsonValues.OptionalNumber(raw, "lr") ?? double.NaN;
        var seed = JsonValues.OptionalNumber(raw, "seed") ?? 0;
        return new RunConfig(
            JsonValues.Text(raw, "case_study") ?? "",
            JsonValues.Text(raw, "arm") ?? folderName,
            peak,
            (long)seed,
            JsonValues.Text(raw, "schedule") ?? "",
            JsonValues.OptionalNumber(raw, "unigram_baseline"),
            JsonValues.Text(raw, "command"),
            raw.Clone());
    }
}
