using Ramp.Training.Tuning.RangeTest;

namespace Ramp.Training.Tuning.Runner;

/// <summary>
/// find-lr's procedure on a real model: the range test, every rule's suggestion, the cold-start search started near
/// the ramp's edge, and the recommendation. One definition, used by <c>ramp find-lr</c> and by the table that
/// measures it (<see cref="Validation.FindLrBench"/>).
/// </summary>
public static class LrFinder
{
    /// <summary>Runs the procedure; the model and optimizer are left as they were.</summary>
    /// <param name="runner">The runner over the model, optimizer and data.</param>
    /// <param name="plan">The range test.</param>
    /// <param name="coldStartSteps">K of the cold-start trials; 0 skips the search.</param>
    /// <param name="optimizer">The optimizer's family and numbers.</param>
    /// <param name="totalSteps">Length of the planned run, when known.</param>
    /// <param name="recommender">The recommender (default: its defaults).</param>
    public static LrFindings Find(TuningRunner runner, RangeTestPlan plan, int coldStartSteps, OptimizerProfile optimizer,
        long? totalSteps = null, WarmupRecommender? recommender = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(optimizer);
        recommender ??= new WarmupRecommender();
        var before = runner.StepsTaken;
        var range = runner.RangeTest(plan);
        var series = RangeSeries.From(range);
        var suggestions = SuggestionRule.All.Select(rule => rule.Suggest(series)).ToArray();
        ColdStartResult? cold = null;
        if (coldStartSteps > 0)
        {
            // Start near the ramp's edge: the cold-start limit lies below it, so few trials bracket it.
            var start = Math.Clamp((range.LastStableLr ?? plan.EndLr) / 4, plan.StartLr, plan.EndLr);
            cold = runner.ColdStart(new ColdStartPlan(start, 2, 1.25, plan.StartLr, plan.EndLr, 16, coldStartSteps));
        }
        WarmupRecommendation? recommendation = null;
        string? why = null;
        try
        {
            recommendation = recommender.Recommend(range, cold, optimizer, totalSteps);
        }
        catch (ArgumentException ex)
        {
            why = ex.Message;
        }
        return new LrFindings(range, suggestions, cold, recommendation, why, runner.StepsTaken - before);
    }
}
