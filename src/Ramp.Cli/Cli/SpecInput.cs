using Ramp.Schedules;
using Ramp.Schedules.Text;

namespace Ramp.Cli.Cli;

/// <summary>Turns schedule text from the command line into a bound schedule, reporting mistakes as <see cref="UsageException"/>.</summary>
public static class SpecInput
{
    /// <summary>Longest spec text quoted whole in an error message or a chart legend.</summary>
    public const int MaxShownLength = 60;

    /// <summary>Parses <paramref name="text"/> and binds it to <paramref name="baseLrs"/>.</summary>
    /// <exception cref="UsageException">The text does not parse, or its per-group lists do not fit the groups.</exception>
    public static ScheduleSet ParseAndBind(string text, IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ScheduleSpec spec;
        try
        {
            spec = ScheduleText.Parse(text);
        }
        catch (SpecException ex)
        {
            throw new UsageException($"spec {AsTyped(text, ex.Position)} {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // Builders are meant to report SpecException only; a range check that slips through is still the user's value.
            throw new UsageException($"spec \"{Shorten(text)}\": {CommandLineRunner.OneLine(ex.Message)}", ex);
        }
        try
        {
            return spec.Bind(baseLrs);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(
                $"spec \"{Shorten(text)}\" with --base-lr of {baseLrs.Count} group(s): {CommandLineRunner.OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// The text quoted as typed, so that a column counts into it; a long text is quoted around
    /// <paramref name="position"/> instead, with its length, so the column still reads from the start.
    /// </summary>
    public static string AsTyped(string text, int position)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= 2 * MaxShownLength && !text.Contains('\n', StringComparison.Ordinal)) return $"\"{text}\"";
        var start = Math.Clamp(position - MaxShownLength / 2, 0, text.Length);
        var end = Math.Min(text.Length, start + MaxShownLength);
        var excerpt = text[start..end].ReplaceLineEndings(" ");
        return $"of {text.Length} characters (\"{(start > 0 ? "…" : "")}{excerpt}{(end < text.Length ? "…" : "")}\")";
    }

    /// <summary>
    /// Refuses a <c>--base-lr</c> an optax schedule ignores: optax's schedules give absolute learning rates, so a
    /// base rate other than 1 that the user typed would silently do nothing. Found by evaluating the first steps at
    /// the given base rates and at twice them; all-1 lists pass (they only say how many groups there are).
    /// </summary>
    /// <exception cref="UsageException">The values do not depend on the base rates and a base rate other than 1 was given.</exception>
    public static void RefuseIgnoredBaseLr(string text, ScheduleSet set, IReadOnlyList<double> baseLrs, bool given)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(baseLrs);
        // optax only: torch's OneCycleLR(max_lr=...) is absolute too, but there --base-lr also sets the groups' count.
        if (!given || baseLrs.All(b => b == 1) || ScheduleText.Parse(text) is not Ramp.Schedules.Compat.Optax.OptaxSpec) return;
        var doubled = baseLrs.Select(b => 2 * b).ToArray();
        var a = Ramp.Schedules.Evaluation.LrTable.Compute(set, 64, baseLrs).Lr;
        var b = Ramp.Schedules.Evaluation.LrTable.Compute(ParseAndBind(text, doubled), 64, doubled).Lr;
        if (a.Zip(b).All(p => p.First.SequenceEqual(p.Second)))
            throw new UsageException($"--base-lr: \"{Shorten(text)}\" gives absolute learning rates (its values do not depend on the " +
                "base rate), so --base-lr would be ignored; drop it or give 1 per group");
    }

    /// <summary>
    /// <paramref name="text"/> with runs of white space collapsed, cut to <see cref="MaxShownLength"/> characters
    /// with an ellipsis, and the common module prefixes (<c>torch.optim.lr_scheduler.</c>, ...) dropped.
    /// </summary>
    public static string Shorten(string text, int maxLength = MaxShownLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var prefix in ModulePrefixes)
        {
            if (collapsed.StartsWith(prefix, StringComparison.Ordinal)) collapsed = collapsed[prefix.Length..];
        }
        return collapsed.Length <= maxLength ? collapsed : collapsed[..(maxLength - 1)] + "…";
    }

    private static readonly string[] ModulePrefixes =
        [
            "torch.optim.lr_scheduler.", "torch.optim.swa_utils.", "transformers.optimization.", "transformers.",
            "timm.scheduler.", "optax.schedules.", "optax.contrib.", "optax.", "deepspeed.runtime.lr_schedules.",
            "tf.keras.optimizers.schedules.", "keras.optimizers.schedules.", "keras.callbacks.", "lr_scheduler.",
        ];
}
