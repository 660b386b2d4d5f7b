using System.Globalization;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// Turns a range test, a cold-start search and the optimizer into one recommended (peak learning rate, warmup
/// steps) pair with a plain-words rationale.
/// </summary>
/// <remarks>
/// <para>Peak: the first rule of <see cref="Rules"/> that makes a suggestion on the trimmed range-test series;
/// capped at the ramp's divergence learning rate divided by <see cref="CapDivisor"/> (Smith: the best rate is
/// within a factor of 2 of the largest that still converges; a ramp is itself a warmup, so its edge is an
/// optimistic one). Without a range-test suggestion, the cold-start limit is the peak.</para>
/// <para>Warmup (linear from 0): 0 when the cold-start limit c is at or above the peak p (a cold start at p was
/// seen to survive). Otherwise <c>ceil(K * p / c)</c> steps, K = the cold-start trial length: a linear ramp that
/// long stays at or below c for the first K steps, the span over which c was certified. For the Adam family it is
/// at least Ma &amp; Yarats' untuned <c>2 / (1 - beta2)</c>. Without a cold-start search the untuned length is
/// used (one epoch for SGD when steps per epoch are known). With a total step count the warmup is capped at
/// <see cref="MaxWarmupFraction"/> of it (longer warmups confound "stable" with "undertrained").</para>
/// </remarks>
/// <param name="Rules">Suggestion rules tried in order; the first with a value sets the peak. Default valley, steep, minimum.</param>
/// <param name="CapDivisor">The peak is at most the divergence lr divided by this; &gt;= 1. Default 2.</param>
/// <param name="MaxWarmupFraction">Largest warmup as a fraction of the total steps; in (0, 1]. Default 0.25.</param>
public sealed record WarmupRecommender(
    IReadOnlyList<SuggestionRule>? Rules = null,
    double CapDivisor = 2,
    double MaxWarmupFraction = 0.25)
{
    /// <summary>Suggestion rules tried in order.</summary>
    public IReadOnlyList<SuggestionRule> Rules { get; } = Rules is null || Rules.Count > 0
        ? Rules ?? [new ValleyRule(), new SteepRule(), new MinimumRule()]
        : throw new ArgumentException("warmup recommender: rules must not be empty", nameof(Rules));

    /// <summary>Divisor applied to the divergence learning rate to cap the peak.</summary>
    public double CapDivisor { get; } = CapDivisor >= 1 && double.IsFinite(CapDivisor)
        ? CapDivisor
        : throw new ArgumentOutOfRangeException(nameof(CapDivisor), CapDivisor, $"warmup recommender: cap divisor must be finite and >= 1 but was {CapDivisor}");

    /// <summary>Largest warmup as a fraction of the total steps.</summary>
    public double MaxWarmupFraction { get; } = MaxWarmupFraction is > 0 and <= 1
        ? MaxWarmupFraction
        : throw new ArgumentOutOfRangeException(nameof(MaxWarmupFraction), MaxWarmupFraction, $"warmup recommender: max warmup fraction must be in (0, 1] but was {MaxWarmupFraction}");

    /// <summary>The recommendation; see the type's remarks for the rules.</summary>
    /// <exception cref="ArgumentException">No peak can be derived (no suggestion and no surviving cold-start lr),
    /// the cold-start search found no surviving lr while the peak needs one, or no warmup length is known.</exception>
    public WarmupRecommendation Recommend(RangeTestResult? rangeTest, ColdStartResult? coldStart,
        OptimizerProfile optimizer, long? totalSteps = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (totalSteps is <= 0)
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"warmup recommender: total steps must be > 0 but was {totalSteps}");
        var why = new List<string>();
        var (peak, suggestion) = ChoosePeak(rangeTest, coldStart, why);
        var warmup = ChooseWarmup(peak, coldStart, optimizer, why);
        if (totalSteps is { } total && warmup > (long)(MaxWarmupFraction * total))
        {
            var cap = (long)(MaxWarmupFraction * total);
            why.Add(F($"The warmup was capped from {warmup} to {cap} steps ({MaxWarmupFraction * 100:G3}% of {total}); a lower peak would need less."));
            warmup = cap;
        }
        return new WarmupRecommendation(peak, warmup, suggestion, why.ToArray());
    }

    private (double Peak, LrSuggestion? Suggestion) ChoosePeak(RangeTestResult? rangeTest, ColdStartResult? coldStart, List<string> why)
    {
        if (rangeTest is not null)
        {
            var series = RangeSeries.From(rangeTest);
            foreach (var rule in Rules)
            {
                var s = rule.Suggest(series);
                if (s.Lr is not { } lr) { why.Add(s.Explanation + "."); continue; }
                why.Add(F($"Peak from the range test's {s.Explanation}."));
                if (rangeTest.DivergenceLr is { } edge && lr > edge / CapDivisor)
                {
                    why.Add(F($"Capped at {edge / CapDivisor:G4}, the ramp's divergence lr {edge:G4} / {CapDivisor}."));
                    lr = edge / CapDivisor;
                }
                return (lr, s);
            }
        }
        if (coldStart?.LargestSurvivingLr is { } c)
        {
            why.Add(F($"Peak from the cold-start search: {c:G4} survived {coldStart.Plan.TrialSteps} steps without warmup."));
            return (c, null);
        }
        throw new ArgumentException(rangeTest is null
            ? "warmup recommender: no peak lr: give a range test or a cold-start search with a surviving lr"
            : "warmup recommender: no peak lr: no rule found a descent in the range test and no cold-start lr survived",
            nameof(rangeTest));
    }

    private static long ChooseWarmup(double peak, ColdStartResult? coldStart, OptimizerProfile optimizer, List<string> why)
    {
        var untuned = optimizer.UntunedWarmupSteps;
        if (coldStart is null)
        {
            if (untuned is not { } u)
                throw new ArgumentException($"warmup recommender: no cold-start search and no untuned warmup for '{optimizer.Name}' (give beta2 or steps per epoch)", nameof(coldStart));
            why.Add(optimizer.IsAdamFamily
                ? F($"Warmup {u} steps: no cold-start search, so the untuned 2/(1-beta2) for beta2 = {optimizer.Beta2}.")
                : F($"Warmup {u} steps: no cold-start search, so one epoch."));
            return u;
        }
        if (coldStart.LargestSurvivingLr is not { } c)
            throw new ArgumentException(F($"warmup recommender: the cold-start search found no surviving lr (even {coldStart.Plan.MinLr:G4} failed); check the model before sizing a warmup"), nameof(coldStart));
        if (c >= peak)
        {
            why.Add(F($"No warmup: a cold start at {c:G4} survived {coldStart.Plan.TrialSteps} steps, at or above the peak."));
            return 0;
        }
        var k = coldStart.Plan.TrialSteps;
        var steps = (long)Math.Ceiling(k * peak / c - 1e-9);
        why.Add(F($"Warmup {steps} steps: the cold-start limit is {c:G4}, below the peak, and a linear ramp of {steps} steps stays under it for the {k} steps it was tested."));
        if (optimizer.IsAdamFamily && untuned is { } floor && floor > steps)
        {
            why.Add(F($"Raised to {floor}, the untuned 2/(1-beta2) for beta2 = {optimizer.Beta2}."));
            steps = floor;
        }
        return steps;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
