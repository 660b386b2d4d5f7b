namespace Ramp.Training.Guards;

/// <summary>
/// What roll-backs have changed about the learning rate, saved in checkpoints so a resumed run uses identical rates.
/// The multiplier at step t is <c>LrScale * min(1, (t - RewarmFrom + 1) / RewarmSteps)</c> from <c>RewarmFrom</c> on
/// (just <c>LrScale</c> with no re-warm-up).
/// </summary>
/// <param name="LrScale">Product of the roll-backs' learning-rate factors (1 before any roll-back).</param>
/// <param name="RewarmFrom">Step at which the latest re-warm-up starts, or -1 for none.</param>
/// <param name="RewarmSteps">Length of the latest re-warm-up.</param>
/// <param name="Rollbacks">How many roll-backs happened.</param>
public sealed record RollbackState(double LrScale = 1, long RewarmFrom = -1, int RewarmSteps = 0, int Rollbacks = 0)
{
    /// <summary>The learning-rate multiplier at <paramref name="step"/>.</summary>
    public double MultiplierAt(long step)
    {
        if (RewarmFrom < 0 || RewarmSteps == 0 || step < RewarmFrom) return LrScale;
        return LrScale * Math.Min(1.0, (step - RewarmFrom + 1) / (double)RewarmSteps);
    }

    /// <summary>The state after rolling back to <paramref name="toStep"/> with <paramref name="options"/>.</summary>
    public RollbackState After(long toStep, RollbackOptions options) =>
        new(LrScale * options.LrFactor, toStep, options.RewarmSteps, Rollbacks + 1);
}
