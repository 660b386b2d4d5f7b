using Ramp.Schedules;
namespace Ramp.Training.Guards;

/// <summary>
/// Clipping by global norm (Pascanu et al. 2013): when the L2 norm of all gradients exceeds
/// <paramref name="MaxNorm"/>, every gradient is multiplied by <c>MaxNorm / norm</c>.
/// </summary>
/// <param name="MaxNorm">Threshold, &gt; 0; 1.0 is the usual LLM default (Wortsman et al. 2023).</param>
public sealed record NormClipOptions(double MaxNorm = 1.0)
{
    /// <summary>Throws when an option is out of range.</summary>
    public NormClipOptions Validated() => MaxNorm > 0 && double.IsFinite(MaxNorm)
        ? this
        : throw new RampArgumentException(nameof(MaxNorm), MaxNorm, "clip: max norm must be a finite number > 0");
}
