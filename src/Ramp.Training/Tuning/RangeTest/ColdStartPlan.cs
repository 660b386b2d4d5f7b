using Ramp.Schedules;
namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// How to search for the largest peak learning rate that survives a cold start: <see cref="TrialSteps"/> steps
/// at a constant learning rate from the initial weights, no warmup (Kalra &amp; Barkeshli 2024's exponential
/// search, then binary search).
/// </summary>
/// <remarks>
/// The search first brackets the threshold by multiplying (or dividing) <see cref="InitialLr"/> by
/// <see cref="Growth"/> until one trial survives and its neighbour fails, then bisects in log(lr) until the
/// bracket's ratio is at most <see cref="Tolerance"/>. It never tries a learning rate outside
/// [<see cref="MinLr"/>, <see cref="MaxLr"/>] and never runs more than <see cref="MaxTrials"/> trials. Each trial
/// costs the caller <see cref="TrialSteps"/> optimizer steps from a fresh copy of the initial weights.
/// </remarks>
/// <param name="InitialLr">First learning rate tried; in [MinLr, MaxLr]. Default 1e-3.</param>
/// <param name="Growth">Bracketing factor; &gt; 1. Default 2 (Kalra's doubling).</param>
/// <param name="Tolerance">Stop bisecting when (failing lr / surviving lr) &lt;= this; &gt; 1. Default 1.1.</param>
/// <param name="MinLr">Smallest learning rate tried; &gt; 0. Default 1e-7.</param>
/// <param name="MaxLr">Largest learning rate tried; &gt; MinLr. Default 10.</param>
/// <param name="MaxTrials">Most trials run; &gt;= 1. Default 40.</param>
/// <param name="TrialSteps">Steps per trial (the K of "survives K steps"); &gt;= 1. Default 20. Informational
/// for the search, which only sees the caller's verdict; the recommender uses it to size warmups.</param>
public sealed record ColdStartPlan(
    double InitialLr = 1e-3,
    double Growth = 2,
    double Tolerance = 1.1,
    double MinLr = 1e-7,
    double MaxLr = 10,
    int MaxTrials = 40,
    int TrialSteps = 20)
{
    /// <summary>Smallest learning rate tried.</summary>
    public double MinLr { get; } = MinLr > 0 && double.IsFinite(MinLr)
        ? MinLr
        : throw new RampArgumentException(nameof(MinLr), MinLr, $"cold start: min lr must be finite and > 0 but was {MinLr}");

    /// <summary>Largest learning rate tried.</summary>
    public double MaxLr { get; } = MaxLr > MinLr && double.IsFinite(MaxLr)
        ? MaxLr
        : throw new RampArgumentException(nameof(MaxLr), MaxLr, $"cold start: max lr must be finite and > min lr ({MinLr}) but " +
            $"was {MaxLr}");

    /// <summary>First learning rate tried.</summary>
    public double InitialLr { get; } = InitialLr >= MinLr && InitialLr <= MaxLr
        ? InitialLr
        : throw new RampArgumentException(nameof(InitialLr), InitialLr,
            $"cold start: initial lr must be in [{MinLr}, {MaxLr}] but was {InitialLr}");

    /// <summary>Bracketing factor.</summary>
    public double Growth { get; } = Growth > 1 && double.IsFinite(Growth)
        ? Growth
        : throw new RampArgumentException(nameof(Growth), Growth, $"cold start: growth must be finite and > 1 but was {Growth}");

    /// <summary>Bracket ratio at which bisection stops.</summary>
    public double Tolerance { get; } = Tolerance > 1 && double.IsFinite(Tolerance)
        ? Tolerance
        : throw new RampArgumentException(nameof(Tolerance), Tolerance,
            $"cold start: tolerance must be finite and > 1 but was {Tolerance}");

    /// <summary>Most trials run.</summary>
    public int MaxTrials { get; } = MaxTrials >= 1
        ? MaxTrials
        : throw new RampArgumentException(nameof(MaxTrials), MaxTrials, $"cold start: max trials must be >= 1 but was {MaxTrials}");

    /// <summary>Steps per trial.</summary>
    public int TrialSteps { get; } = TrialSteps >= 1
        ? TrialSteps
        : throw new RampArgumentException(nameof(TrialSteps), TrialSteps,
            $"cold start: trial steps must be >= 1 but was {TrialSteps}");
}
