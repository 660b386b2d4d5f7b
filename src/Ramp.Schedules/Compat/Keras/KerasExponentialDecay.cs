using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Keras;

/// <summary>
/// Keras <c>ExponentialDecay</c>: lr = initial_learning_rate · decay_rate^(s / decay_steps), the exponent floored
/// when <see cref="Staircase"/>. No floor, not clamped.
/// </summary>
/// <param name="InitialLearningRate">Value at step 0.</param>
/// <param name="DecaySteps">Positive.</param>
/// <param name="DecayRate">Multiplier per decay_steps.</param>
/// <param name="Staircase">Whether the exponent is floored; default false.</param>
[PeerCall("keras", "ExponentialDecay", "keras.optimizers.schedules", "tf.keras.optimizers.schedules",
    Signature = "initial_learning_rate, decay_steps, decay_rate, staircase, name")]
public sealed record KerasExponentialDecay(double InitialLearningRate, long DecaySteps, double DecayRate, bool Staircase = false)
    : KerasSpec
{
    /// <summary>Value at step 0.</summary>
    public double InitialLearningRate { get; } = Check.Finite(InitialLearningRate, nameof(InitialLearningRate), "ExponentialDecay");

    /// <summary>Multiplier per decay_steps.</summary>
    public double DecayRate { get; } = Check.Finite(DecayRate, nameof(DecayRate), "ExponentialDecay");

    /// <summary>Positive.</summary>
    public long DecaySteps { get; } = PositiveSteps(DecaySteps, nameof(DecaySteps), "ExponentialDecay");

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var p = (double)step / DecaySteps;
        if (Staircase) p = Math.Floor(p);
        return InitialLearningRate * Math.Pow(DecayRate, p);
    }
}
