using System.Globalization;
using System.Text.Json;

namespace Ramp.Training.Guards;

/// <summary>
/// Clipping by global norm (<see cref="NormClipOptions"/>), on the device: every step whose gradient norm exceeds
/// the threshold is rescaled, and the decision is explained when the step is read back (a <c>clip</c> event).
/// </summary>
public sealed class NormClip : IGuard
{
    private readonly NormClipOptions _options;
    private readonly GuardDecision _none;

    /// <summary>Clipping with <paramref name="options"/>.</summary>
    public NormClip(NormClipOptions options)
    {
        _options = options.Validated();
        _none = GuardDecision.None(Name);
    }

    /// <inheritdoc />
    public string Name => "clip";

    /// <inheritdoc />
    public bool OnHost => false;

    /// <inheritdoc />
    public bool NeedsGlobalNorm => true;

    /// <inheritdoc />
    public GuardDecision Decide(GuardStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return GuardDecision.Deferred(Name, GradientOps.ClipGlobalNorm(step.Parameters, step.GlobalNorm, _options.MaxNorm));
    }

    /// <inheritdoc />
    public GuardDecision Explain(long step, double value, double gradNorm) => value == 0 ? _none
        : new(Name, GuardAction.Clip, string.Create(CultureInfo.InvariantCulture,
            $"gradient norm {gradNorm:G4} is above {_options.MaxNorm:G4}; gradients scaled by {_options.MaxNorm / gradNorm:G4}"), gradNorm);

    /// <inheritdoc />
    public JsonElement? SaveState() => null;

    /// <inheritdoc />
    public void RestoreState(JsonElement? state, bool rollingBack)
    {
    }
}
