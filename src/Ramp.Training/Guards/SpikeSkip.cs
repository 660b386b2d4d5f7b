using System.Globalization;
using System.Text.Json;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Guards;

/// <summary>
/// Skip-step's decision over plain numbers: an update is skipped when the loss or the gradient norm is non-finite,
/// or lies more than <c>Sigmas</c> standard deviations above the mean of its rolling window. Every finite value
/// enters its window (as in OLMo-core), non-finite ones never do. As a guard it decides on the host (a <c>skip</c>
/// event with the gradient norm) and its two windows are checkpointed.
/// </summary>
public sealed class SpikeSkip : IGuard
{
    private readonly SpikeSkipOptions _options;
    private readonly GuardDecision _none;

    /// <summary>A fresh skip-step guard.</summary>
    public SpikeSkip(SpikeSkipOptions options)
    {
        _options = options.Validated();
        Losses = new RollingWindow(options.Window);
        Norms = new RollingWindow(options.Window);
        _none = GuardDecision.None(Name);
    }

    /// <summary>Rolling window of losses.</summary>
    public RollingWindow Losses { get; }

    /// <summary>Rolling window of global gradient norms.</summary>
    public RollingWindow Norms { get; }

    /// <inheritdoc />
    public string Name => "skip";

    /// <inheritdoc />
    public bool OnHost => true;

    /// <inheritdoc />
    public bool NeedsGlobalNorm => true;

    /// <summary>Returns the reason to skip the step, or null to take it; then adds the values to the windows.</summary>
    public string? Decide(double loss, double gradNorm)
    {
        string? reason = null;
        if (!double.IsFinite(loss)) reason = $"loss is {Format(loss)}";
        else if (!double.IsFinite(gradNorm)) reason = $"gradient norm is {Format(gradNorm)}";
        else if (Losses.IsHighOutlier(loss, _options.Sigmas, _options.MinCount))
            reason = $"loss {Format(loss)} is above mean {Format(Losses.Mean)} + {Format(_options.Sigmas)} sigma " +
                $"({Format(Losses.StandardDeviation)})";
        else if (Norms.IsHighOutlier(gradNorm, _options.Sigmas, _options.MinCount))
            reason = $"gradient norm {Format(gradNorm)} is above mean {Format(Norms.Mean)} + {Format(_options.Sigmas)} sigma " +
                $"({Format(Norms.StandardDeviation)})";
        Losses.Add(loss);
        Norms.Add(gradNorm);
        return reason;
    }

    /// <inheritdoc />
    public GuardDecision Decide(GuardStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Decide(step.LossValue, step.NormValue) is { } reason
            ? new(Name, GuardAction.Skip, $"update skipped: {reason}", step.NormValue)
            : _none;
    }

    /// <inheritdoc />
    public GuardDecision Explain(long step, double value, double gradNorm) => throw new NotSupportedException("skip decides on the host");

    /// <inheritdoc />
    public JsonElement? SaveState() => GuardChain.Save(new Windows(Losses.Snapshot(), Norms.Snapshot()));

    /// <inheritdoc />
    public void RestoreState(JsonElement? state, bool rollingBack)
    {
        var windows = state is { } s ? GuardChain.Load<Windows>(s) : new Windows([], []);
        Losses.Restore(windows.Losses);
        Norms.Restore(windows.Norms);
    }

    private static string Format(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The checkpointed windows, oldest value first.</summary>
    private sealed record Windows(double[] Losses, double[] Norms);
}
