namespace Ramp.Schedules.Compat.Hf;

/// <summary>transformers <c>get_constant_schedule</c>: λ(t) = 1.</summary>
public sealed record HfConstant : HfLambdaSpec
{
    /// <inheritdoc />
    public override double Lambda(long step) => 1.0;

    /// <summary>The Python call.</summary>
    public override string ToString() => "transformers.get_constant_schedule()";
}
