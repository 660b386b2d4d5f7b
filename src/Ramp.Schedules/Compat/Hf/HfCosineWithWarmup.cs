using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_cosine_schedule_with_warmup</c>: λ(t) = t / max(1, W) for t &lt; W; else with
/// p = (t − W) / max(1, T − W), λ = max(0, ½(1 + cos(2π·NumCycles·p))).
/// </summary>
/// <remarks>Not clamped past T: with the default half cycle the factor rises again after T (1 at t = 2T − W).</remarks>
/// <param name="NumWarmupSteps">W, at least 0.</param>
/// <param name="NumTrainingSteps">T, at least 0 (warmup included).</param>
/// <param name="NumCycles">Number of cosine waves over T − W; 0.5 (default) decays once from 1 to 0.</param>
[PeerCall("hf", "get_cosine_schedule_with_warmup", "transformers", "transformers.optimization", TakesOptimizer = true)]
public sealed record HfCosineWithWarmup([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps, long NumTrainingSteps,
    double NumCycles = 0.5) : HfLambdaSpec
{
    /// <summary>Number of cosine waves over T − W; 0.5 (default) decays once from 1 to 0.</summary>
    public double NumCycles { get; } = Check.Finite(NumCycles, nameof(NumCycles), "get_cosine_schedule_with_warmup");

    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps), "get_cosine_schedule_with_warmup");

    /// <summary>T, at least 0.</summary>
    public long NumTrainingSteps { get; } = NonNegative(NumTrainingSteps, nameof(NumTrainingSteps), "get_cosine_schedule_with_warmup");

    /// <inheritdoc />
    public override double Lambda(long step)
    {
        if (step < NumWarmupSteps) return Warmup(step, NumWarmupSteps);
        var progress = (double)(step - NumWarmupSteps) / Math.Max(1, NumTrainingSteps - NumWarmupSteps);
        return Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * NumCycles * 2.0 * progress)));
    }
}
