namespace Ramp.Training.Tuning.RangeTest;

/// <summary>How a cold-start search ended.</summary>
public enum ColdStartOutcome
{
    /// <summary>A surviving and a failing learning rate were found within the tolerance ratio of each other.</summary>
    Bracketed,

    /// <summary>Even the plan's largest learning rate survived: the limit is above <c>MaxLr</c>.</summary>
    AllSurvive,

    /// <summary>Even the plan's smallest learning rate failed: the limit is below <c>MinLr</c>.</summary>
    NoneSurvive,

    /// <summary>The trial budget ran out before the bracket was within tolerance (the bracket found so far is kept).</summary>
    OutOfTrials,
}
