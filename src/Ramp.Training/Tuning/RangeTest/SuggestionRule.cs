namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// A rule that reads a learning rate off a range test's (learning rate, smoothed loss) curve. Rules are
/// immutable values; <see cref="Suggest"/> is pure.
/// </summary>
public abstract record SuggestionRule
{
    /// <summary>The rule's name, as printed and as written in a spec.</summary>
    public abstract string Name { get; }

    /// <summary>The rule's pick on <paramref name="series"/>, or a "no suggestion" answer with the reason.</summary>
    public abstract LrSuggestion Suggest(RangeSeries series);

    /// <summary>The four rules in the order fastai lists them: valley (the default), slide, minimum, steep.</summary>
    public static IReadOnlyList<SuggestionRule> All { get; } =
        [new ValleyRule(), new SlideRule(), new MinimumRule(), new SteepRule()];

    /// <summary>The shared answer for a series too short to judge.</summary>
    protected LrSuggestion TooShort(RangeSeries series, int needed) => LrSuggestion.None(Name,
        $"{Name}: no suggestion, the trimmed series has {series.Count} points and this rule needs at least {needed}");
}
