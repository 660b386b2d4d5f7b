namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// What one suggestion rule picked from a range test: a learning rate with the point it came from, or no
/// suggestion with the reason.
/// </summary>
/// <param name="Rule">The rule's name (<c>valley</c>, <c>steep</c>, <c>minimum</c>, <c>slide</c>).</param>
/// <param name="Lr">The suggested learning rate, or null when the rule has no suggestion.</param>
/// <param name="Index">Index in the <see cref="RangeSeries"/> of the point the suggestion came from, or null.</param>
/// <param name="Explanation">One sentence: what was picked and why, or why nothing was.</param>
public sealed record LrSuggestion(string Rule, double? Lr, int? Index, string Explanation)
{
    /// <summary>True when the rule made a suggestion.</summary>
    public bool HasValue => Lr is not null;

    /// <summary>A "no suggestion" answer from <paramref name="rule"/>, with the reason.</summary>
    public static LrSuggestion None(string rule, string reason) => new(rule, null, null, reason);
}
