namespace Ramp.Training.Studies;

/// <summary>
/// The arms that try to replace warmup with an optimizer (docs/CASE_STUDIES.md, "What can replace warmup?"), as
/// templates like <see cref="StudyArms"/>' (the name <c>rest</c> in a decay stands for the steps after the warmup).
/// Each names its optimizer; the cell keeps the grid's momentum, betas, epsilon and weight decay.
/// </summary>
public static class ReplacementArms
{
    /// <summary>Schedule-Free without warmup.</summary>
    public const string ScheduleFreeName = "schedule-free";

    /// <summary>Schedule-Free after a linear warmup.</summary>
    public const string ScheduleFreeWarmupName = "schedule-free+warmup";

    /// <summary>GI-Adam without warmup.</summary>
    public const string GiAdamName = "gi-adam";

    /// <summary>StableAdamW without warmup.</summary>
    public const string StableAdamWName = "stable-adamw";

    /// <summary>Prodigy without warmup.</summary>
    public const string ProdigyName = "prodigy";

    /// <summary>
    /// Schedule-Free at a constant rate (it replaces the decay too): <c>schedule-free-sgd</c> on an SGD grid, at
    /// <c>peak / (1 - momentum)</c> (the steady-state step of SGD with the grid's momentum, so a peak means the same
    /// step size for both; the authors' defaults, lr 1 against SGD's 0.1 with momentum 0.9, differ by the same
    /// factor; the grid's momentum, 0.9 when it has none, is also Schedule-Free's interpolation),
    /// <c>schedule-free-adamw</c> on an Adam grid, at the peak.
    /// </summary>
    public static StudyArm ScheduleFree(OptimizerSettings grid) => ScheduleFreeArm(ScheduleFreeName, "constant()", grid);

    /// <summary>As <see cref="ScheduleFree"/> after a linear warmup over <paramref name="warmup"/> steps (a template expression).</summary>
    public static StudyArm ScheduleFreeWarmup(OptimizerSettings grid, string warmup) =>
        ScheduleFreeArm(ScheduleFreeWarmupName, $"warmup({{{warmup}}}) >> constant()", grid);

    /// <summary>GI-Adam (the grid's adam or adamw with <see cref="StudyArm.GradientInit"/>) without warmup, then the decay.</summary>
    public static StudyArm GiAdam(string decay) => new(GiAdamName, StudyArms.After(decay, "0"), GradientInit: true);

    /// <summary>StableAdamW without warmup, then the decay.</summary>
    public static StudyArm StableAdamW(string decay) => new(StableAdamWName, StudyArms.After(decay, "0"), Optimizer: "stable-adamw");

    /// <summary>
    /// Prodigy without warmup, then the decay. Its rate is a factor on its own estimate of the step (1 unless tuned),
    /// so the arm runs at <c>peak / smallestPeak</c>: the authors' 1 at the grid's smallest peak, and the factor by
    /// which another arm's peak exceeds that one at the others (how far Prodigy's estimate can be pushed).
    /// </summary>
    public static StudyArm Prodigy(string decay, double smallestPeak) =>
        new(ProdigyName, StudyArms.After(decay, "0"), Optimizer: "prodigy", LrScale: 1 / smallestPeak);

    private static StudyArm ScheduleFreeArm(string name, string schedule, OptimizerSettings grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (!grid.TakesMomentum) return new StudyArm(name, schedule, Optimizer: "schedule-free-adamw");
        return new StudyArm(name, schedule, Optimizer: "schedule-free-sgd", LrScale: 1 / (1 - grid.Momentum));
    }
}
