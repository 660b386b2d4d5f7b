using Ramp.Schedules;
namespace Ramp.Training.Guards;

/// <summary>
/// Roll-back (after PaLM's restart-and-skip): when a step is non-finite, or <see cref="SkipsToRollBack"/> updates were
/// skipped within <see cref="SkipWindow"/> steps, the run returns to the last good checkpoint, multiplies the peak
/// learning rate by <see cref="LrFactor"/>, re-warms linearly over <see cref="RewarmSteps"/> steps, and continues
/// with the batches after the failing one (the suspect batches are not replayed).
/// </summary>
/// <param name="LrFactor">Multiplier applied to every learning rate at each roll-back, in (0, 1]; default 0.5.</param>
/// <param name="RewarmSteps">Length of the linear re-warm-up after a roll-back, at least 0; default 20.</param>
/// <param name="MaxRollbacks">Roll-backs allowed before the run is declared diverged, at least 1; default 3.</param>
/// <param name="SkipsToRollBack">Skipped updates within <see cref="SkipWindow"/> that trigger a roll-back; default 3.</param>
/// <param name="SkipWindow">Window, in steps, for counting skipped updates; default 50.</param>
/// <param name="CheckpointEvery">How often (steps) a good state is saved to roll back to; default 50.</param>
public sealed record RollbackOptions(
    double LrFactor = 0.5,
    int RewarmSteps = 20,
    int MaxRollbacks = 3,
    int SkipsToRollBack = 3,
    int SkipWindow = 50,
    int CheckpointEvery = 50)
{
    /// <summary>Throws when an option is out of range.</summary>
    public RollbackOptions Validated()
    {
        if (!(LrFactor > 0 && LrFactor <= 1))
            throw new RampArgumentException(nameof(LrFactor), LrFactor, "rollback: lr factor must be in (0, 1]");
        if (RewarmSteps < 0)
            throw new RampArgumentException(nameof(RewarmSteps), RewarmSteps, "rollback: rewarm steps must be at least 0");
        if (MaxRollbacks < 1)
            throw new RampArgumentException(nameof(MaxRollbacks), MaxRollbacks, "rollback: max rollbacks must be at least 1");
        if (SkipsToRollBack < 1 || SkipWindow < 1)
            throw new RampArgumentException(nameof(SkipsToRollBack), SkipsToRollBack,
                "rollback: skips and window must be at least 1");
        if (CheckpointEvery < 1)
            throw new RampArgumentException(nameof(CheckpointEvery), CheckpointEvery,
                "rollback: checkpoint interval must be at least 1");
        return this;
    }
}
