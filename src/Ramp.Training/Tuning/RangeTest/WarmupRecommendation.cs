using Ramp.Schedules;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>A recommended (peak learning rate, warmup length) pair and the reasons for it.</summary>
/// <param name="PeakLr">Recommended peak learning rate, &gt; 0.</param>
/// <param name="WarmupSteps">Recommended length of a linear warmup from 0 to the peak, in optimizer steps; &gt;= 0.</param>
/// <param name="PeakSuggestion">The range-test suggestion the peak came from, or null when it came from the cold-start search.</param>
/// <param name="Rationale">Plain-words sentences, in the order the decisions were taken.</param>
public sealed record WarmupRecommendation(
    double PeakLr,
    long WarmupSteps,
    LrSuggestion? PeakSuggestion,
    EquatableArray<string> Rationale)
{
    /// <summary>The recommendation as a paragraph.</summary>
    public override string ToString() =>
        $"peak lr {PeakLr:G4}, warmup {WarmupSteps} steps. " + string.Join(" ", Rationale);
}
