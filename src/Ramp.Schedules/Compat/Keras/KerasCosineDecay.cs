using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Keras;

/// <summary>
/// Keras <c>CosineDecay</c>. Without a warmup target: s' = min(s, D), lr = initial·((1 − α)·½(1 + cos(π·s'/D)) + α).
/// With one: s' = min(s, W + D); for s' &lt; W, lr = initial + (target − initial)·s'/W; after it
/// lr = target·((1 − α)·½(1 + cos(π·(s' − W)/D)) + α).
/// </summary>
/// <remarks>
/// With a warmup, <see cref="InitialLearningRate"/> is where the warmup starts and <see cref="WarmupTarget"/> the
/// peak; <see cref="DecaySteps"/> excludes the warmup (the schedule lasts W + D, the opposite of optax). α is a
/// fraction of the post-warmup rate. Held at the end value after W + D.
/// </remarks>
/// <param name="InitialLearningRate">Start value (of the warmup when there is one).</param>
/// <param name="DecaySteps">D, positive.</param>
/// <param name="Alpha">Final value as a fraction of the decayed-from rate; default 0.</param>
/// <param name="WarmupTarget">Peak reached after the warmup, or null (default) for no warmup.</param>
/// <param name="WarmupSteps">W, at least 0; default 0.</param>
[PeerCall("keras", "CosineDecay", "keras.optimizers.schedules", "tf.keras.optimizers.schedules",
    Signature = "initial_learning_rate, decay_steps, alpha, name, warmup_target, warmup_steps")]
public sealed record KerasCosineDecay(
    double InitialLearningRate, long DecaySteps, double Alpha = 0.0, double? WarmupTarget = null, long WarmupSteps = 0) : KerasSpec
{
    /// <summary>Start value (of the warmup when there is one).</summary>
    public double InitialLearningRate { get; } = Check.Finite(InitialLearningRate, nameof(InitialLearningRate), "CosineDecay");

    /// <summary>Final value as a fraction of the decayed-from rate; default 0.</summary>
    public double Alpha { get; } = Check.Finite(Alpha, nameof(Alpha), "CosineDecay");

    /// <summary>Peak reached after the warmup, or null (default) for no warmup.</summary>
    public double? WarmupTarget { get; } = WarmupTarget is { } vWarmupTarget ? Check.Finite(vWarmupTarget, nameof(WarmupTarget),
        "CosineDecay") : null;

    /// <summary>D, positive.</summary>
    public long DecaySteps { get; } = PositiveSteps(DecaySteps, nameof(DecaySteps), "CosineDecay");

    /// <summary>W, at least 0.</summary>
    public long WarmupSteps { get; } = WarmupSteps >= 0
        ? WarmupSteps
        : throw new ScheduleArgumentException(nameof(WarmupSteps), WarmupSteps,
            $"CosineDecay: warmup_steps must be >= 0 but was {WarmupSteps}");

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        if (WarmupTarget is not { } target) return Decay(Math.Min(step, DecaySteps), InitialLearningRate);
        var s = Math.Min(step, DecaySteps + WarmupSteps);
        if (s < WarmupSteps) return (target - InitialLearningRate) * ((double)s / WarmupSteps) + InitialLearningRate;
        return Decay(s - WarmupSteps, target);
    }

    private double Decay(long step, double from)
    {
        var completed = (double)step / DecaySteps;
        var cosine = 0.5 * (1.0 + Math.Cos(Math.PI * completed));
        return from * ((1 - Alpha) * cosine + Alpha);
    }
}
