using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_cosine_with_hard_restarts_schedule_with_warmup</c>: λ(t) = t / max(1, W) for t &lt; W; else
/// with p = (t − W) / max(1, T − W): 0 when p ≥ 1, otherwise max(0, ½(1 + cos(π·((NumCycles·p) mod 1)))).
/// </summary>
/// <param name="NumWarmupSteps">W, at least 0.</param>
/// <param name="NumTrainingSteps">T, at least 0 (warmup included).</param>
/// <param name="NumCycles">Number of hard restarts (cosine decays) between W and T; default 1.</param>
[PeerCall("hf", "get_cosine_with_hard_restarts_schedule_with_warmup", "transformers", "transformers.optimization", TakesOptimizer = true)]
public sealed record HfCosineWithHardRestarts([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps, long NumTrainingSteps,
    double NumCycles = 1) : HfLambdaSpec
{
    /// <summary>Number of hard restarts (cosine decays) between W and T; default 1.</summary>
    public double NumCycles { get; } = Check.Finite(NumCycles, nameof(NumCycles), "get_cosine_with_hard_restarts_schedule_with_warmup");

    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps),
        "get_cosine_with_hard_restarts_schedule_with_warmup");

    /// <summary>T, at least 0.</summary>
    public long NumTrainingSteps { get; } = NonNegative(NumTrainingSteps, nameof(NumTrainingSteps),
        "get_cosine_with_hard_restarts_schedule_with_warmup");

    /// <inheritdoc />
    public override double Lambda(long step)
    {
        if (step < NumWarmupSteps) return Warmup(step, NumWarmupSteps);
        var progress = (double)(step - NumWarmupSteps) / Math.Max(1, NumTrainingSteps - NumWarmupSteps);
        if (progress >= 1.0) return 0.0;
        return Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * PyMod(NumCycles * progress, 1.0))));
    }

    // Python's % takes the sign of the divisor.
    private static double PyMod(double a, double b)
    {
        var r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }
}
