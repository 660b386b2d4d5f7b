namespace Ramp.Training.Guards;

/// <summary>The guards a run uses; each is opt-in (null = off).</summary>
/// <param name="Clip">Clipping by global norm.</param>
/// <param name="Agc">Unit-wise adaptive gradient clipping.</param>
/// <param name="ZClip">z-score clipping against an EMA of the gradient norm.</param>
/// <param name="SkipSpikes">Skip-step on loss or gradient-norm spikes.</param>
/// <param name="Rollback">Roll-back to the last good checkpoint with a lower peak and a re-warm-up.</param>
public sealed record GuardOptions(
    NormClipOptions? Clip = null,
    AgcOptions? Agc = null,
    ZClipOptions? ZClip = null,
    SpikeSkipOptions? SkipSpikes = null,
    RollbackOptions? Rollback = null)
{
    /// <summary>No guard at all.</summary>
    public static GuardOptions None { get; } = new();

    /// <summary>
    /// Whether a guard decides on the host at every step (ZClip, skip, roll-back): those read the loss and the
    /// gradient norm back each step; clipping by norm and AGC stay on the device.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NeedsHostEveryStep => ZClip is not null || SkipSpikes is not null || Rollback is not null;

    /// <summary>Whether a guard needs the global gradient norm on the device (clipping or a host-side guard).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NeedsGlobalNorm => Clip is not null || NeedsHostEveryStep;

    /// <summary>Validates every configured guard.</summary>
    public GuardOptions Validated()
    {
        Clip?.Validated();
        Agc?.Validated();
        ZClip?.Validated();
        SkipSpikes?.Validated();
        Rollback?.Validated();
        return this;
    }
}
