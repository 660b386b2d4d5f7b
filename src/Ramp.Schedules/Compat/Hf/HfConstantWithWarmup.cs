using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_constant_schedule_with_warmup</c>: λ(t) = t / max(1, W) for t &lt; W, else 1.
/// Step 0 gets 0; the base learning rate is first used at t = W.
/// </summary>
/// <param name="NumWarmupSteps">W, at least 0.</param>
[PeerCall("hf", "get_constant_schedule_with_warmup", "transformers", "transformers.optimization", TakesOptimizer = true)]
public sealed record HfConstantWithWarmup([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps) : HfLambdaSpec
{
    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps), "get_constant_schedule_with_warmup");

    /// <inheritdoc />
    public override double Lambda(long step) => step < NumWarmupSteps ? Warmup(step, NumWarmupSteps) : 1.0;
}
