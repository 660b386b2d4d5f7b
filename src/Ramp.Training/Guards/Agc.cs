using System.Globalization;
using System.Text.Json;

namespace Ramp.Training.Guards;

/// <summary>
/// Unit-wise adaptive gradient clipping (<see cref="AgcOptions"/>), on the device: the step's decision is the number
/// of units rescaled, read back with the step (an <c>agc</c> event when any was).
/// </summary>
public sealed class Agc : IGuard
{
    private readonly AgcOptions _options;
    private readonly GuardDecision _none;

    /// <summary>AGC with <paramref name="options"/>.</summary>
    public Agc(AgcOptions options)
    {
        _options = options.Validated();
        _none = GuardDecision.None(Name);
    }

    /// <inheritdoc />
    public string Name => "agc";

    /// <inheritdoc />
    public bool OnHost => false;

    /// <inheritdoc />
    public bool NeedsGlobalNorm => false;

    /// <inheritdoc />
    public GuardDecision Decide(GuardStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        // NFNets leave the final classifier unclipped.
        var last = step.Layers - 1;
        var parameters = step.Parameters.Where((_, i) => !_options.ExcludeLastLayer || step.LayerOfParameter[i] != last);
        return GuardDecision.Deferred(Name, GradientOps.Agc(parameters, _options));
    }

    /// <inheritdoc />
    public GuardDecision Explain(long step, double value, double gradNorm) => value == 0 ? _none
        : new(Name, GuardAction.Clip, string.Create(CultureInfo.InvariantCulture,
            $"{value:F0} unit(s) had gradients above {_options.Lambda:G4} times their weights' norm; scaled to that bound"), value);

    /// <inheritdoc />
    public JsonElement? SaveState() => null;

    /// <inheritdoc />
    public void RestoreState(JsonElement? state, bool rollingBack)
    {
    }
}
