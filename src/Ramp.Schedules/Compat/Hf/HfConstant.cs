using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>transformers <c>get_constant_schedule</c>: λ(t) = 1.</summary>
[PeerCall("hf", "get_constant_schedule", "transformers", "transformers.optimization", TakesOptimizer = true)]
public sealed record HfConstant : HfLambdaSpec
{
    /// <inheritdoc />
    public override double Lambda(long step) => 1.0;
}
