using System.Globalization;
using Ramp.Training.Monitoring;

namespace Ramp.Training.Guards;

/// <summary>
/// Skip-step's decision over plain numbers: an update is skipped when the loss or the gradient norm is non-finite,
/// or lies more than <c>Sigmas</c> standard deviations above the mean of its rolling window. Every finite value
/// enters its window (as in OLMo-core), non-finite ones never do.
/// </summary>
public sealed class SpikeSkip
{
    private readonly SpikeSkipOptions _options;

    /// <summary>A fresh skip-step guard.</summary>
    public SpikeSkip(SpikeSkipOptions options)
    {
        _options = options.Validated();
        Losses = new RollingWindow(options.Window);
        Norms = new RollingWindow(options.Window);
    }

    /// <summary>Rolling window of losses.</summary>
    public RollingWindow Losses { get; }

    /// <summary>Rolling window of global gradient norms.</summary>
    public RollingWindow Norms { get; }

    /// <summary>Returns the reason to skip the step, or null to take it; then adds the values to the windows.</summary>
    public string? Decide(double loss, double gradNorm)
    {
        string? reason = null;
        if (!double.IsFinite(loss)) reason = $"loss is {Format(loss)}";
        else if (!double.IsFinite(gradNorm)) reason = $"gradient norm is {Format(gradNorm)}";
        else if (Losses.IsHighOutlier(loss, _options.Sigmas, _options.MinCount))
            reason = $"loss {Format(loss)} is above mean {Format(Losses.Mean)} + {Format(_options.Sigmas)} sigma ({Format(Losses.StandardDeviation)})";
        else if (Norms.IsHighOutlier(gradNorm, _options.Sigmas, _options.MinCount))
            reason = $"gradient norm {Format(gradNorm)} is above mean {Format(Norms.Mean)} + {Format(_options.Sigmas)} sigma ({Format(Norms.StandardDeviation)})";
        Losses.Add(loss);
        Norms.Add(gradNorm);
        return reason;
    }

    private static string Format(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
