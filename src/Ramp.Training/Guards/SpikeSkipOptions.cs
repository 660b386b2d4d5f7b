using Ramp.Schedules;
namespace Ramp.Training.Guards;

/// <summary>
/// Skip-step on spikes (OLMo-core's <c>SkipStepOptimizer</c>): the update is skipped when the loss or the global
/// gradient norm is non-finite or exceeds the rolling mean plus <see cref="Sigmas"/> standard deviations.
/// Defaults are OLMo-core's: a 128-step window, 6 sigma, judging only once half the window is filled.
/// </summary>
/// <param name="Window">Rolling window length, at least 2.</param>
/// <param name="Sigmas">Number of standard deviations above the mean that counts as a spike, &gt; 0.</param>
/// <param name="MinCount">Values needed in the window before any judgement; default half the window (64).</param>
public sealed record SpikeSkipOptions(int Window = 128, double Sigmas = 6, int MinCount = 64)
{
    /// <summary>Throws when an option is out of range.</summary>
    public SpikeSkipOptions Validated()
    {
        if (Window < 2)
            throw new RampArgumentException(nameof(Window), Window, "skip-spikes: window must be at least 2");
        if (!(Sigmas > 0) || !double.IsFinite(Sigmas))
            throw new RampArgumentException(nameof(Sigmas), Sigmas, "skip-spikes: sigmas must be a finite number > 0");
        if (MinCount < 2 || MinCount > Window)
            throw new RampArgumentException(nameof(MinCount), MinCount, $"skip-spikes: min count must be in [2, {Window}]");
        return this;
    }
}
