using Ramp.Schedules;
namespace Ramp.Training.Guards;

/// <summary>
/// Adaptive gradient clipping, unit-wise (Brock et al. 2021, NFNets): for each output unit i (a row of a weight
/// matrix, a filter of a convolution), when <c>||G_i|| / max(||W_i||, Eps) &gt; Lambda</c> the unit's gradient is
/// rescaled to <c>Lambda * max(||W_i||, Eps) / ||G_i||</c> times itself.
/// </summary>
/// <param name="Lambda">Clipping ratio, &gt; 0; default 0.01 (NFNets' value for large batches).</param>
/// <param name="Eps">Floor on the weight norm so zero-initialised units can move; default 1e-3 (NFNets).</param>
/// <param name="ExcludeLastLayer">Whether the final classifier layer is left unclipped, as NFNets recommend (default true).</param>
public sealed record AgcOptions(double Lambda = 0.01, double Eps = 1e-3, bool ExcludeLastLayer = true)
{
    /// <summary>Throws when an option is out of range.</summary>
    public AgcOptions Validated()
    {
        if (!(Lambda > 0) || !double.IsFinite(Lambda))
            throw new RampArgumentException(nameof(Lambda), Lambda, "agc: lambda must be a finite number > 0");
        if (!(Eps > 0) || !double.IsFinite(Eps))
            throw new RampArgumentException(nameof(Eps), Eps, "agc: eps must be a finite number > 0");
        return this;
    }
}
