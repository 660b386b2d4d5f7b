using Ramp.Schedules;
namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// The parameters of the closed-loop warmup (the future text form <c>auto(target=..., ...)</c>). Defaults and
/// where they come from are listed per parameter; <see cref="ForAdam"/> adjusts them for the Adam family.
/// </summary>
/// <param name="TargetLr">The peak learning rate warmup climbs to; finite, &gt; 0.</param>
/// <param name="InitialFactor">Starting fraction of the target, in (0, 1]. Default 0.01 (a cold-start limit
/// divided by the target is a better start when known, after Kalra &amp; Barkeshli's catapult search).</param>
/// <param name="Growth">Per-step growth ratio while the gates are green, &gt; 1. Default 1.05: 0.01 to 1 in about
/// 95 steps, the length of Ma &amp; Yarats' untuned warmup at beta2 = 0.98.</param>
/// <param name="BackOffFactor">Multiplier on a red gate, in (0, 1). Default 0.5 (halve).</param>
/// <param name="MinFactor">Floor of the factor, in (0, InitialFactor]. Default 1e-4.</param>
/// <param name="CooldownSteps">Steps held after a back-off, &gt;= 0. Default 5.</param>
/// <param name="UpdateRatioAmber">Largest per-layer ||dw||/||w|| that counts as green, &gt; 0; +infinity turns the
/// gate off (then <paramref name="UpdateRatioRed"/> must be +infinity too). Default 3e-2: thirty
/// times Karpathy's healthy 1e-3 and three times AGC's lambda = 0.01. The first choice, 1e-2, held SGD with momentum
/// 0.9 at about a tenth of its target on the Fashion-MNIST MLP (2.8 accuracy points below the best fixed warmup at
/// peak 0.2); 3e-2 finishes warmup there within 0.4 points of it and still survives peaks where fixed warmups
/// diverge (docs/auto-warmup.md has the runs).</param>
/// <param name="UpdateRatioRed">Ratio that counts as red, &gt; amber (+infinity: never). Default 3e-1 (a step that moves almost a third of
/// a
/// layer's weights).</param>
/// <param name="ZAmber">Loss z-score (against the median and MAD of recent losses) that holds, &gt; 0. Default 2.5 (ZClip's
/// threshold).</param>
/// <param name="ZRed">Loss z-score that backs off, &gt; ZAmber. Default 6 (OLMo-core's skip-step sigma).</param>
/// <param name="GradNormAmber">Hold when the gradient norm exceeds its recent median by this factor, &gt; 1. Default 3.
/// A multiple and not a z-score: while warming the norm trends (on the Fashion-MNIST MLP it rose to 2.2x its median
/// in healthy steps, a z-score of 8 against the tight spread of the first steps), and the spikes that preceded the
/// deep MLP's blow-up were 4x, 11x and 40x.</param>
/// <param name="GradNormRed">Back off when the gradient norm exceeds its recent median by this factor, &gt; GradNormAmber. Default
/// 10.</param>
/// <param name="StatsWindow">Recent values whose median and MAD the loss and gradient-norm gates judge against,
/// &gt;= MinSamples. Default 32: long enough that a 3%-a-step loss drift outgrows the median's 16-step lag by the
/// catapult's red 1.5x, short enough to forget the start-up transient within the first climb (see
/// <see cref="RollingStatistics"/>).</param>
/// <param name="MinSamples">Values held before z-scores and the catapult gate judge, &gt;= 2. Default 8: the SGD preset's
/// unheld climb takes 25 steps, and ZClip's 25 left every gate but the update ratio blind through all of it.</param>
/// <param name="FastAlpha">EMA weight of the fast loss average, in [0, 1). Default 0.7 (about 3 steps).</param>
/// <param name="CatapultAmber">Hold when the fast loss exceeds the median of recent losses by this fraction, &gt; 0. Default 0.1.</param>
/// <param name="CatapultRed">Back off when the raw loss exceeds that median by this fraction, &gt; CatapultAmber.
/// Default 0.5 (the notes' 1.5x-its-EMA spike rule).</param>
/// <param name="GreenStepsToFinish">Consecutive green steps at the target that end warmup, &gt;= 1. Default 20.</param>
/// <param name="MaxSteps">Step budget: if warmup has not ended by then it gives up and freezes the factor; null = none.</param>
public sealed record AutoWarmupOptions(
    double TargetLr,
    double InitialFactor = 0.01,
    double Growth = 1.05,
    double BackOffFactor = 0.5,
    double MinFactor = 1e-4,
    int CooldownSteps = 5,
    double UpdateRatioAmber = 3e-2,
    double UpdateRatioRed = 3e-1,
    double ZAmber = 2.5,
    double ZRed = 6,
    double GradNormAmber = 3,
    double GradNormRed = 10,
    int StatsWindow = 32,
    int MinSamples = 8,
    double FastAlpha = 0.7,
    double CatapultAmber = 0.1,
    double CatapultRed = 0.5,
    int GreenStepsToFinish = 20,
    long? MaxSteps = null)
{
    /// <summary>The starting fraction of the target of the <see cref="ForSgd"/> and <see cref="ForAdam"/> presets.</summary>
    public const double PresetInitialFactor = 0.1;

    /// <summary>
    /// Options for SGD (the text <c>auto()</c>'s preset for every optimizer outside the Adam family): start at
    /// <paramref name="initialFactor"/> = 0.1 of the target (He et al.'s constant warmup level) and grow by 1.09 per
    /// green step (0.1 to 1 in 27 unheld steps); gates as the constructor's. The record's own 0.01 and 1.05 made the
    /// climb take at least 95 steps, and the gradient-norm gate, whose baseline is the first 25 steps at 1% of the
    /// target, held it 30-40 more times as the rising rate raised the norm: on the 186-step Fashion-MNIST smoke grid
    /// (docs/CASE_STUDIES.md) the rate reached the target only after the run's cosine had decayed to a quarter, and
    /// the arm ended 6 points below the fixed warmups at peak 0.2. With 0.1 and 1.1 the norm-gate holds mostly
    /// vanish, the update-ratio gate still holds the climb wherever the rate is too high (at peak 0.8, where fixed
    /// warmups diverge, it stretched the climb to about 120 steps), and no cell of that grid failed. The growth was
    /// then chosen over six seeds at the two SGD grids' best peaks (docs/grids/auto-seeds.json; docs/auto-warmup.md):
    /// 1.05 / 1.07 / 1.08 / 1.085 / 1.09 / 1.1 gave 0.845 / 0.848 / 0.848 / 0.849 / 0.850 / 0.851 on the Fashion-MNIST
    /// MLP (best fixed warmup 0.853) and 0.838 / 0.842 / 0.842 / 0.842 / 0.842 / 0.835 on the deep MLP (0.840): the
    /// deep MLP's loss catapults when the climb is faster than about 27 steps, the shallow MLP loses learning-rate
    /// area when it is slower.
    /// </summary>
    public static AutoWarmupOptions ForSgd(double targetLr, double initialFactor = PresetInitialFactor) =>
        new(targetLr, initialFactor, Growth: 1.09, MinFactor: Math.Min(1e-4, initialFactor));

    /// <summary>
    /// Options for the Adam family: the SGD preset's climb (0.1 to 1 in 25 unheld steps) without the update-ratio
    /// gate. Adam's early step moves each weight by about lr whatever the loss does, so ||dw||/||w|| is about
    /// lr / rms(w): 0.4 at lr 8e-3 with GPT-style weights of scale 0.02. The gate only capped the rate (104 holds and
    /// no end of warmup in 200 steps on the Post-LN smoke Transformer at 8e-3); the loss, gradient-norm, catapult and
    /// non-finite gates remain. The climb was 2 / (1 - beta2) steps (Ma &amp; Yarats' untuned linear warmup) until
    /// measured: on the char-transformer smoke grid (beta2 0.98) a 25-step climb ended at 2.125 / 2.207 nats
    /// (Post-LN / Pre-LN, peak 8e-3) against 2.184 / 2.224 for 50 steps and 2.241 / 2.223 for 100, and on the deep
    /// MLP (AdamW, beta2 0.99, peak 1.6e-2) at 0.857 against 0.859 for 200 steps; the gates, not the length, guard it.
    /// </summary>
    public static AutoWarmupOptions ForAdam(double targetLr, double initialFactor = PresetInitialFactor) =>
        ForSgd(targetLr, initialFactor) with
        {
            Growth = 1.1,
            UpdateRatioAmber = double.PositiveInfinity,
            UpdateRatioRed = double.PositiveInfinity
        };

    /// <summary>
    /// Options that let loss catapults run their course (Kalra &amp; Barkeshli's persistent catapult warmup): a
    /// catapult, a burst of loss that lowers the sharpness and then recovers, only holds the climb; the factor is
    /// cut only for non-finite values, red update ratios, or a loss above 100x its recent level (a blow-up). Loss
    /// z-scores and gradient-norm multiples then never back off (<see cref="ZRed"/>, <see cref="GradNormRed"/> = +infinity). Use it when
    /// the default's
    /// back-offs keep the climb below the target at the same place (each halving aborts the catapult that would
    /// have made the higher learning rate stable).
    /// </summary>
    public static AutoWarmupOptions CatapultTolerant(double targetLr) =>
        new(targetLr, ZRed: double.PositiveInfinity, GradNormRed: double.PositiveInfinity, CatapultRed: 100);

    /// <summary>Throws when a parameter is out of range (called by the controller's constructor).</summary>
    public void Validate()
    {
        Check(TargetLr > 0 && double.IsFinite(TargetLr), nameof(TargetLr), TargetLr, "finite and > 0");
        Check(InitialFactor is > 0 and <= 1, nameof(InitialFactor), InitialFactor, "in (0, 1]");
        Check(Growth > 1 && double.IsFinite(Growth), nameof(Growth), Growth, "finite and > 1");
        Check(BackOffFactor is > 0 and < 1, nameof(BackOffFactor), BackOffFactor, "in (0, 1)");
        Check(MinFactor > 0 && MinFactor <= InitialFactor, nameof(MinFactor), MinFactor, $"in (0, initial factor {InitialFactor}]");
        Check(CooldownSteps >= 0, nameof(CooldownSteps), CooldownSteps, ">= 0");
        Check(UpdateRatioAmber > 0 && !double.IsNaN(UpdateRatioAmber), nameof(UpdateRatioAmber), UpdateRatioAmber,
            "> 0 (+infinity: gate off)");
        Check(UpdateRatioRed > UpdateRatioAmber || double.IsPositiveInfinity(UpdateRatioRed), nameof(UpdateRatioRed), UpdateRatioRed,
            $"> update ratio amber {UpdateRatioAmber} (+infinity: never)");
        Check(ZAmber > 0 && double.IsFinite(ZAmber), nameof(ZAmber), ZAmber, "finite and > 0");
        Check(ZRed > ZAmber && !double.IsNaN(ZRed), nameof(ZRed), ZRed, $"> z amber {ZAmber} (+infinity: never)");
        Check(GradNormAmber > 1 && double.IsFinite(GradNormAmber), nameof(GradNormAmber), GradNormAmber, "finite and > 1");
        Check(GradNormRed > GradNormAmber && !double.IsNaN(GradNormRed), nameof(GradNormRed), GradNormRed,
            $"> grad norm amber {GradNormAmber} (+infinity: never)");
        Check(MinSamples >= 2, nameof(MinSamples), MinSamples, ">= 2");
        Check(StatsWindow >= MinSamples, nameof(StatsWindow), StatsWindow, $">= min samples {MinSamples}");
        Check(FastAlpha is >= 0 and < 1, nameof(FastAlpha), FastAlpha, "in [0, 1)");
        Check(CatapultAmber > 0 && double.IsFinite(CatapultAmber), nameof(CatapultAmber), CatapultAmber, "finite and > 0");
        Check(CatapultRed > CatapultAmber && double.IsFinite(CatapultRed), nameof(CatapultRed), CatapultRed,
            $"> catapult amber {CatapultAmber}");
        Check(GreenStepsToFinish >= 1, nameof(GreenStepsToFinish), GreenStepsToFinish, ">= 1");
        Check(MaxSteps is null or >= 1, nameof(MaxSteps), MaxSteps, ">= 1");
    }

    private static void Check(bool ok, string name, object? actual, string allowed)
    {
        if (!ok)
            throw new RampArgumentException(name, actual, $"auto warmup: {name} must be {allowed} but was {actual}");
    }
}
