namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// Finds the largest peak learning rate that survives <c>TrialSteps</c> steps from initialisation without
/// warmup: exponential bracketing, then bisection on log(lr), over a trial function supplied by the caller.
/// </summary>
/// <remarks>
/// The search assumes survival is monotone (if lr survives, every smaller lr does); with a noisy trial function
/// the answer is still a surviving/failing pair, just not the only one. Deterministic: the same verdicts give
/// the same trials. The caller's function must start every trial from the same initial weights and data order.
/// </remarks>
public static class ColdStartSearch
{
    /// <summary>Runs the search described by <paramref name="plan"/> with <paramref name="survives"/> as the trial.</summary>
    public static ColdStartResult Run(ColdStartPlan plan, Func<double, bool> survives)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(survives);
        var trials = new List<ColdStartTrial>();
        double? low = null;  // largest survivor
        double? high = null; // smallest failure

        bool Try(double lr)
        {
            var ok = survives(lr);
            trials.Add(new ColdStartTrial(lr, ok));
            if (ok && (low is null || lr > low)) low = lr;
            if (!ok && (high is null || lr < high)) high = lr;
            return ok;
        }

        var lr = plan.InitialLr;
        var up = Try(lr);
        // Exponential bracketing: walk in the direction that crosses the threshold, clamped to the plan's range.
        while (trials.Count < plan.MaxTrials && (up ? high is null : low is null))
        {
            if (up && lr >= plan.MaxLr) return Finish(plan, ColdStartOutcome.AllSurvive, low, high, trials);
            if (!up && lr <= plan.MinLr) return Finish(plan, ColdStartOutcome.NoneSurvive, low, high, trials);
            lr = up ? Math.Min(lr * plan.Growth, plan.MaxLr) : Math.Max(lr / plan.Growth, plan.MinLr);
            Try(lr);
        }
        if (low is null || high is null)
        {
            // Bracketing ran out of trials; a single-trial budget also ends here.
            if (up && lr >= plan.MaxLr && high is null) return Finish(plan, ColdStartOutcome.AllSurvive, low, high, trials);
            if (!up && lr <= plan.MinLr && low is null) return Finish(plan, ColdStartOutcome.NoneSurvive, low, high, trials);
            return Finish(plan, ColdStartOutcome.OutOfTrials, low, high, trials);
        }
        while (high.Value / low.Value > plan.Tolerance)
        {
            if (trials.Count >= plan.MaxTrials) return Finish(plan, ColdStartOutcome.OutOfTrials, low, high, trials);
            Try(Math.Sqrt(low.Value * high.Value));
        }
        return Finish(plan, ColdStartOutcome.Bracketed, low, high, trials);
    }

    private static ColdStartResult Finish(ColdStartPlan plan, ColdStartOutcome outcome, double? low, double? high,
        List<ColdStartTrial> trials) => new(plan, outcome, low, high, trials.ToArray());
}
