using Ramp.Schedules;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>The answer of a cold-start search: the largest surviving and smallest failing learning rates found.</summary>
/// <param name="Plan">The plan that was followed.</param>
/// <param name="Outcome">How the search ended.</param>
/// <param name="LargestSurvivingLr">Largest learning rate that survived, or null when none did.</param>
/// <param name="SmallestFailingLr">Smallest learning rate that failed, or null when none did.</param>
/// <param name="Trials">Every trial, in the order run.</param>
public sealed record ColdStartResult(
    ColdStartPlan Plan,
    ColdStartOutcome Outcome,
    double? LargestSurvivingLr,
    double? SmallestFailingLr,
    EquatableArray<ColdStartTrial> Trials);
