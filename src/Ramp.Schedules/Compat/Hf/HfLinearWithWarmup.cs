using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_linear_schedule_with_warmup</c> (the Trainer's default):
/// λ(t) = t / max(1, W) for t &lt; W, else max(0, (T − t) / max(1, T − W)). Step 0 gets 0, λ = 1 at t = W,
/// 0 from t = T on.
/// </summary>
/// <param name="NumWarmupSteps">W, at least 0.</param>
/// <param name="NumTrainingSteps">T, at least 0 (warmup included).</param>
[PeerCall("hf", "get_linear_schedule_with_warmup", "transformers", "transformers.optimization", TakesOptimizer = true)]
public sealed record HfLinearWithWarmup([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps, long NumTrainingSteps) : HfLambdaSpec
{
    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps), "get_linear_schedule_with_warmup");

    /// <summary>T, at least 0.</summary>
    public long NumTrainingSteps { get; } = NonNegative(NumTrainingSteps, nameof(NumTrainingSteps), "get_linear_schedule_with_warmup");

    /// <inheritdoc />
    public override double Lambda(long step) => step < NumWarmupSteps
        ? Warmup(step, NumWarmupSteps)
        : Math.Max(0.0, (double)(NumTrainingSteps - step) / Math.Max(1, NumTrainingSteps - NumWarmupSteps));
}
