using System.Globalization;
using Ramp.Schedules;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// Turns a range test, a cold-start search and the optimizer into one recommended (peak learning rate, warmup
/// steps) pair, with its reasons in plain words.
/// </summary>
/// <remarks>
/// <para>Peak: <see cref="Edge"/> on the range test smoothed without lag (<see cref="RangeSeries.ZeroLag"/>): two thirds of the
/// learning rate at which the loss, past its lowest point, rose a quarter above it. Without such a rise (the ramp
/// ended first) the rate of the lowest loss; without a range test the cold-start limit. For the Adam family the peak
/// is at most <see cref="AdamMinimumMultiple"/> times the rate of the lowest loss: Adam's step is about the learning
/// rate whatever the gradient's size, and on the table's Adam rows the best peak lay near that rate while the edge was
/// 3 to 6 times higher (the Post-LN transformer: lowest loss at 0.011, edge 0.072, best sweep peak 0.016); the SGD rows'
/// best peaks lay near the edge (docs/find-lr.md).</para>
/// <para>Warmup (linear from 0): 0 when the cold-start limit c is at or above the peak p (a cold start at p was
/// seen to survive). Otherwise <c>ceil(K * p / c)</c> steps, K = the cold-start trial length: a linear ramp that
/// long stays at or below c for the first K steps, the span over which c was certified. For the Adam family it is
/// at least Ma &amp; Yarats' untuned <c>2 / (1 - beta2)</c>. Without a cold-start search the untuned length is
/// used (one epoch for SGD when steps per epoch are known). With a total step count the warmup is at most
/// <see cref="MaxWarmupFraction"/> of it (longer warmups confound "stable" with "undertrained"); when the
/// certified warmup would be longer, the peak is lowered to what that longest warmup certifies, <c>c * Wmax / K</c>,
/// so the pair stays one that was seen to survive. With a total step count the warmup is also at least
/// <see cref="MinWarmupFraction"/> of it.</para>
/// </remarks>
/// <param name="Edge">The peak rule. Default <see cref="EdgeRule"/> with its defaults (rise 1.25, divisor 1.5).</param>
/// <param name="MaxWarmupFraction">Largest warmup as a fraction of the total steps; in (0, 1]. Default 0.25.</param>
/// <param name="MinWarmupFraction">With a total step count, the warmup is at least this fraction of it; in [0, MaxWarmupFraction]. Default
/// 0.05.</param>
/// <param name="AdamMinimumMultiple">For the Adam family, the largest peak as a multiple of the range test's rate of
/// the lowest loss; at least 1. Default 1.5.</param>
public sealed record WarmupRecommender(EdgeRule? Edge = null, double MaxWarmupFraction = 0.25, double MinWarmupFraction = 0.05,
    double AdamMinimumMultiple = 1.5)
{
    /// <summary>For the Adam family, the largest peak as a multiple of the rate of the lowest loss.</summary>
    public double AdamMinimumMultiple { get; } = AdamMinimumMultiple >= 1 && double.IsFinite(AdamMinimumMultiple)
        ? AdamMinimumMultiple
        : throw new RampArgumentException(nameof(AdamMinimumMultiple), AdamMinimumMultiple,
            $"warmup recommender: Adam minimum multiple must be finite and >= 1 but was {AdamMinimumMultiple}");

    /// <summary>Smallest warmup as a fraction of the total steps.</summary>
    public double MinWarmupFraction { get; } = MinWarmupFraction >= 0 && MinWarmupFraction <= MaxWarmupFraction
        ? MinWarmupFraction
        : throw new RampArgumentException(nameof(MinWarmupFraction), MinWarmupFraction,
            $"warmup recommender: min warmup fraction must be in [0, {MaxWarmupFraction}] but was {MinWarmupFraction}");

    /// <summary>The peak rule.</summary>
    public EdgeRule Edge { get; } = Edge ?? new EdgeRule();

    /// <summary>Largest warmup as a fraction of the total steps.</summary>
    public double MaxWarmupFraction { get; } = MaxWarmupFraction is > 0 and <= 1
        ? MaxWarmupFraction
        : throw new RampArgumentException(nameof(MaxWarmupFraction), MaxWarmupFraction,
            $"warmup recommender: max warmup fraction must be in (0, 1] but was {MaxWarmupFraction}");

    /// <summary>The recommendation; see the type's remarks for the rules.</summary>
    /// <exception cref="ArgumentException">No peak can be derived (no edge or minimum and no surviving cold-start lr),
    /// the cold-start search found no surviving lr while the peak needs one, or no warmup length is known.</exception>
    public WarmupRecommendation Recommend(RangeTestResult? rangeTest, ColdStartResult? coldStart,
        OptimizerProfile optimizer, long? totalSteps = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (totalSteps is <= 0)
            throw new RampArgumentException(nameof(totalSteps), totalSteps,
                $"warmup recommender: total steps must be > 0 but was {totalSteps}");
        var why = new List<string>();
        var (peak, suggestion) = ChoosePeak(rangeTest, coldStart, optimizer, why);
        var warmup = ChooseWarmup(peak, coldStart, optimizer, why);
        if (totalSteps is { } total && warmup > (long)(MaxWarmupFraction * total))
        {
            var cap = Math.Max(0, (long)(MaxWarmupFraction * total));
            if (coldStart?.LargestSurvivingLr is { } c && c < peak && cap > 0)
            {
                var k = coldStart.Plan.TrialSteps;
                var lower = Math.Min(peak, c * cap / k);
                if (lower < peak)
                {
                    why.Add(F($"That warmup is longer than {MaxWarmupFraction * 100:G3}% of the {total}-step run, so the peak was ") +
                        F($"lowered to {lower:G4}, which a {cap}-step warmup keeps under the cold-start limit for {k} steps."));
                    peak = lower;
                }
                else why.Add(F($"The warmup was shortened to {cap} steps ({MaxWarmupFraction * 100:G3}% of the {total}-step run)."));
            }
            else why.Add(F($"The warmup was shortened from {warmup} to {cap} steps ({MaxWarmupFraction * 100:G3}% of the {total}-step ") +
                "run): a longer one leaves too little of the run at the peak.");
            warmup = cap;
        }
        if (totalSteps is { } length && warmup < (long)Math.Ceiling(MinWarmupFraction * length - 1e-9))
        {
            var floor = (long)Math.Ceiling(MinWarmupFraction * length - 1e-9);
            why.Add(F($"Warmup {floor} steps ({MinWarmupFraction * 100:G3}% of the {length}-step run) all the same: ")
                + "a 20-step trial from the start does not see every slow failure (deep networks from a large initialisation), "
                + "and so short a warmup costs almost nothing in a decaying schedule.");
            warmup = floor;
        }
        return new WarmupRecommendation(peak, warmup, suggestion, why.ToArray());
    }

    private (double Peak, LrSuggestion? Suggestion) ChoosePeak(RangeTestResult? rangeTest, ColdStartResult? coldStart,
        OptimizerProfile optimizer,
        List<string> why)
    {
        if (rangeTest is not null)
        {
            var series = RangeSeries.ZeroLag(rangeTest);
            var s = Edge.Suggest(series);
            if (s.Lr is { } lr)
            {
                var (minimum, edge) = Edge.Find(series);
                why.Add(F($"In the range test the loss was lowest at lr {series.Lrs[minimum]:G3} and turned up at lr ") +
                    F($"{series.Lrs[edge!.Value]:G3} (a quarter above its lowest): above that rate the run is unstable."));
                var cap = AdamMinimumMultiple * series.Lrs[minimum];
                if (optimizer.IsAdamFamily && cap < lr)
                {
                    why.Add(F($"Peak {cap:G4}: {AdamMinimumMultiple:G3} times the rate of the lowest loss, below the edge divided by ") +
                        F($"{Edge.Divisor:G3} ({lr:G4}); with Adam the best peak of a short run lies near the rate of the lowest loss, ") +
                        "not near the edge (docs/find-lr.md measures this on six models).");
                    return (cap, new LrSuggestion("adam-minimum", cap, minimum,
                        F($"adam-minimum: lr {cap:G4}, {AdamMinimumMultiple:G3}x the rate of the lowest loss")));
                }
                why.Add(F($"Peak {lr:G4}: the edge divided by {Edge.Divisor:G3}; short runs with a decaying schedule train best a ") +
                    "little below the edge (docs/find-lr.md measures this on six models).");
                return (lr, s);
            }
            if (series.Count >= 2)
            {
                var (minimum, _) = Edge.Find(series);
                if (minimum > 0)
                {
                    why.Add(F($"In the range test the loss was still at its lowest near the ramp's end (lr {series.Lrs[minimum]:G3}) ") +
                        "and never turned up: the edge is higher; a larger --end-lr would find it.");
                    why.Add(F($"Peak {series.Lrs[minimum]:G4}: the rate of the lowest loss, a safe lower bound."));
                    return (series.Lrs[minimum], new LrSuggestion("minimum-loss", series.Lrs[minimum], minimum,
                        F($"the rate of the lowest loss, {series.Lrs[minimum]:G4}")));
                }
            }
            why.Add("In the range test the loss never fell, so it gives no peak.");
        }
        if (coldStart?.LargestSurvivingLr is { } c)
        {
            why.Add(F($"Peak {c:G4}: the largest rate that survived {coldStart.Plan.TrialSteps} steps from the start without warmup."));
            return (c, null);
        }
        throw RampArgumentException.For(rangeTest is null
            ? "warmup recommender: no peak lr: give a range test or a cold-start search with a surviving lr"
            : "warmup recommender: no peak lr: the range test's loss never fell and no cold-start lr survived",
            nameof(rangeTest));
    }

    private static long ChooseWarmup(double peak, ColdStartResult? coldStart, OptimizerProfile optimizer, List<string> why)
    {
        var untuned = optimizer.UntunedWarmupSteps;
        if (coldStart is null)
        {
            if (untuned is not { } u)
                throw RampArgumentException.For($"warmup recommender: no cold-start search and no untuned warmup for '{optimizer.Name}' " +
                    "(give beta2 or steps per epoch)", nameof(coldStart));
            why.Add(optimizer.IsAdamFamily
                ? F($"Warmup {u} steps: without a cold-start search, the usual 2/(1-beta2) for Adam's beta2 = {optimizer.Beta2}.")
                : F($"Warmup {u} steps: without a cold-start search, one epoch."));
            return u;
        }
        if (coldStart.LargestSurvivingLr is not { } c)
            throw RampArgumentException.For(F($"warmup recommender: the cold-start search found no surviving lr (even ") +
                F($"{coldStart.Plan.MinLr:G4} failed); check the model before sizing a warmup"), nameof(coldStart));
        var k = coldStart.Plan.TrialSteps;
        if (c >= peak)
        {
            why.Add(F($"No warmup: started cold, lr {c:G3} survived its first {k} steps, and the peak is no higher."));
            if (optimizer.IsAdamFamily && untuned is { } adamFloor)
            {
                why.Add(F($"Warmup {adamFloor} steps all the same: Adam's second-moment estimate needs about 2/(1-beta2) steps (beta2 ") +
                    F($"= {optimizer.Beta2}) before its steps are as small as they will be."));
                return adamFloor;
            }
            return 0;
        }
        var steps = (long)Math.Ceiling(k * peak / c - 1e-9);
        why.Add(F($"Warmup {steps} steps: started cold, the largest rate that survived its first {k} steps was {c:G3}, below the peak; ") +
            F($"a linear warmup of {steps} steps stays under {c:G3} for those {k} steps."));
        if (optimizer.IsAdamFamily && untuned is { } floor && floor > steps)
        {
            why.Add(F($"Raised to {floor} steps: Adam's second-moment estimate needs about 2/(1-beta2) steps (beta2 = ") +
                F($"{optimizer.Beta2})."));
            steps = floor;
        }
        return steps;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
