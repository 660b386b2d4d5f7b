namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>One layer's relative update size for one step: <c>||w_(t+1) - w_t|| / ||w_t||</c>.</summary>
/// <param name="Layer">The parameter's name, as the monitor reports it.</param>
/// <param name="Ratio">The update-to-weight ratio (&gt;= 0; non-finite counts as a red gate).</param>
public readonly record struct LayerUpdateRatio(string Layer, double Ratio);
