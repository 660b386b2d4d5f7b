namespace Ramp.Runs;

/// <summary>One layer's numbers at one optimizer step (a layer is a module owning parameters, e.g. <c>fc2</c>).</summary>
/// <param name="GradNorm">L2 norm of the layer's gradients (all its parameters together), before any guard.</param>
/// <param name="UpdateRatio">||w_after - w_before|| / ||w_before|| over the layer's parameters; null on steps that
/// are not detail steps (the monitor's detail interval).</param>
/// <param name="WeightNorm">L2 norm of the layer's parameters after the update; null on steps that are not detail steps.</param>
public sealed record LayerStats(double GradNorm, double? UpdateRatio, double? WeightNorm)
{
    /// <summary>
    /// The angle in radians between the layer's weights before and after the update (Kosson et al. 2024, "Rotational
    /// equilibrium"), all its parameters taken as one vector; null on steps that are not detail steps.
    /// </summary>
    public double? AngularUpdate { get; init; }
}
