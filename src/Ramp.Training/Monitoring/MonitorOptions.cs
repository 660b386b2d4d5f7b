using Ramp.Schedules;
namespace Ramp.Training.Monitoring;

/// <summary>How the loop monitors steps.</summary>
/// <param name="ReadBackEvery">
/// Per-step scalars stay on the device and are copied to the host in one batch every this many steps
/// (default 25), so the loop never forces a device-to-host copy on every step. At least 1.
/// </param>
/// <param name="PerLayer">Whether to record per-layer gradient norms, update ratios and weight norms (default true).</param>
/// <param name="TensorBoard">Whether to write TensorBoard event files (default true).</param>
/// <param name="DetailEvery">
/// Every this many steps (step 0, K, 2K, ...) the monitor also measures per-layer update-to-weight ratios, weight
/// norms and dead ReLU units (default 25); other steps record loss, accuracy, learning rates and gradient norms
/// only, which keeps the monitor's cost near 1 % of a small model's step. While an automatic warmup is warming,
/// every step is a detail step. 1 measures everything on every step. At least 1.
/// </param>
public sealed record MonitorOptions(int ReadBackEvery = 25, bool PerLayer = true, bool TensorBoard = true, int DetailEvery = 25)
{
    /// <summary>Throws when an option is out of range.</summary>
    public MonitorOptions Validated()
    {
        if (ReadBackEvery < 1)
            throw new RampArgumentException(nameof(ReadBackEvery), ReadBackEvery, "monitor: read-back interval must be at least 1");
        if (DetailEvery < 1)
            throw new RampArgumentException(nameof(DetailEvery), DetailEvery, "monitor: detail interval must be at least 1");
        return this;
    }
}
