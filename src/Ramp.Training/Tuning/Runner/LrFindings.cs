using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Training.Tuning.Runner;

/// <summary>Everything one <see cref="LrFinder.Find"/> found.</summary>
/// <param name="RangeTest">The range test.</param>
/// <param name="Suggestions">Every rule's pick on the trimmed series (<see cref="SuggestionRule.All"/>).</param>
/// <param name="ColdStart">The cold-start search, or null when it was skipped.</param>
/// <param name="Recommendation">The recommended (peak, warmup), or null with <paramref name="NoRecommendation"/>.</param>
/// <param name="NoRecommendation">Why there is no recommendation, or null.</param>
/// <param name="Steps">Optimizer steps the search cost: the range test's plus every cold-start trial's.</param>
public sealed record LrFindings(RangeTestResult RangeTest, IReadOnlyList<LrSuggestion> Suggestions, ColdStartResult? ColdStart,
    WarmupRecommendation? Recommendation, string? NoRecommendation, long Steps);
