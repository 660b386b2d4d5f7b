namespace Ramp.Schedules.Compat.Optax;

/// <summary>
/// optax's composite schedules, built exactly as optax builds them from the primitive records (so a warmup cosine
/// is a <see cref="OptaxJoin"/> of a linear warmup and a cosine decay).
/// </summary>
public static class OptaxSchedules
{
    /// <summary><c>linear_schedule</c>: <see cref="OptaxPolynomial"/> with power 1.</summary>
    public static OptaxSpec Linear(double initValue, double endValue, long transitionSteps, long transitionBegin = 0) =>
        new OptaxPolynomial(initValue, endValue, 1, transitionSteps, transitionBegin);

    /// <summary><c>warmup_constant_schedule</c>: linear from init to peak over the warmup, then held.</summary>
    public static OptaxSpec WarmupConstant(double initValue, double peakValue, long warmupSteps) =>
        Linear(initValue, peakValue, warmupSteps);

    /// <summary>
    /// <c>warmup_cosine_decay_schedule</c>: linear init → peak over W, then a cosine from peak to end over
    /// <paramref name="decaySteps"/> − W (decay_steps is the total length, warmup included); alpha = end/peak (0 when peak is 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When decay_steps ≤ warmup_steps.</exception>
    public static OptaxSpec WarmupCosineDecay(
        double initValue, double peakValue, long warmupSteps, long decaySteps, double endValue = 0.0, double exponent = 1.0)
    {
        if (decaySteps <= warmupSteps)
        {
            throw new ScheduleArgumentException(nameof(decaySteps), decaySteps,
                $"warmup_cosine_decay_schedule: decay_steps (the total length) must exceed warmup_steps ({warmupSteps}) "
                + $"but was {decaySteps}");
        }
        var alpha = peakValue == 0.0 ? 0.0 : endValue / peakValue;
        return new OptaxJoin(
            new OptaxSpec[] { Linear(initValue, peakValue, warmupSteps), new OptaxCosineDecay(peakValue, decaySteps - warmupSteps,
                alpha, exponent) },
            new[] { warmupSteps });
    }

    /// <summary>
    /// <c>warmup_exponential_decay_schedule</c>: linear init → peak over W, then exponential decay from peak (begin counted after W).
    /// </summary>
    public static OptaxSpec WarmupExponentialDecay(
        double initValue, double peakValue, long warmupSteps, long transitionSteps, double decayRate, long transitionBegin = 0,
        bool staircase = false, double? endValue = null) =>
        new OptaxJoin(
            new OptaxSpec[]
            {
                Linear(initValue, peakValue, warmupSteps),
                new OptaxExponentialDecay(peakValue, transitionSteps, decayRate, transitionBegin, staircase, endValue),
            },
            new[] { warmupSteps });

    /// <summary>
    /// <c>linear_onecycle_schedule</c>: linear interpolation through peak/div → peak → peak/div → peak/(div·final_div)
    /// at steps 0, int(pct_start·T), int(pct_final·T), T (a later step replaces an equal earlier one, as in a Python dict).
    /// </summary>
    public static OptaxSpec LinearOnecycle(
        long transitionSteps, double peakValue, double pctStart = 0.3, double pctFinal = 0.85, double divFactor = 25.0,
        double finalDivFactor = 1e4)
    {
        Positive(transitionSteps, "linear_onecycle_schedule");
        return Interpolate(OptaxInterpolation.Linear, peakValue / divFactor,
            ((long)(pctStart * transitionSteps), divFactor), ((long)(pctFinal * transitionSteps), 1.0 / divFactor),
            (transitionSteps, 1.0 / finalDivFactor));
    }

    /// <summary>
    /// <c>cosine_onecycle_schedule</c>: cosine interpolation peak/div → peak → peak/(div·final_div) at 0, int(pct_start·T), T.
    /// </summary>
    public static OptaxSpec CosineOnecycle(
        long transitionSteps, double peakValue, double pctStart = 0.3, double divFactor = 25.0, double finalDivFactor = 1e4)
    {
        Positive(transitionSteps, "cosine_onecycle_schedule");
        return Interpolate(OptaxInterpolation.Cosine, peakValue / divFactor,
            ((long)(pctStart * transitionSteps), divFactor), (transitionSteps, 1.0 / (divFactor * finalDivFactor)));
    }

    /// <summary><c>sgdr_schedule</c>: warmup-cosine cycles joined end to end, each lasting its own decay_steps.</summary>
    public static OptaxSpec Sgdr(IReadOnlyList<(double Init, double Peak, long Warmup, long Decay, double End, double Exponent)> cycles)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        if (cycles.Count == 0)
            throw ScheduleArgumentException.For("sgdr_schedule: cosine_kwargs must hold at least one cycle", nameof(cycles));
        var boundaries = new List<long>();
        var step = 0L;
        foreach (var c in cycles.Take(cycles.Count - 1))
        {
            step += c.Decay;
            boundaries.Add(step);
        }
        return new OptaxJoin(
            cycles.Select(c => WarmupCosineDecay(c.Init, c.Peak, c.Warmup, c.Decay, c.End, c.Exponent)).ToArray(), boundaries.ToArray());
    }

    private static OptaxPiecewiseInterpolate Interpolate(OptaxInterpolation type, double init, params (long Step, double Scale)[] points)
    {
        var dict = new SortedDictionary<long, double>();
        foreach (var (step, scale) in points) dict[step] = scale;
        return new OptaxPiecewiseInterpolate(type, init, dict.Keys.ToArray(), dict.Values.ToArray());
    }

    private static void Positive(long transitionSteps, string who)
    {
        if (transitionSteps <= 0)
        {
            throw new ScheduleArgumentException(nameof(transitionSteps), transitionSteps,
                $"{who}: transition_steps must be positive but was {transitionSteps}");
        }
    }
}
