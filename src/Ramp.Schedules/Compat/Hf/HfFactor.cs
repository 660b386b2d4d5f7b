namespace Ramp.Schedules.Compat.Hf;

/// <summary>The factor schedule λ(t) of a transformers helper; negative steps count as 0.</summary>
/// <param name="Spec">The helper, with everything it reads from the optimizer resolved.</param>
internal sealed record HfFactor(HfLambdaSpec Spec) : Schedule
{
    /// <summary>The helper, with everything it reads from the optimizer resolved.</summary>
    public HfLambdaSpec Spec { get; } = Check.NotNull(Spec, nameof(Spec), "hf_factor");

    /// <inheritdoc />
    public override double ValueAt(long step) => Spec.Lambda(Math.Max(0, step));

    /// <inheritdoc />
    public override string ToString() => Spec.ToString();
}
