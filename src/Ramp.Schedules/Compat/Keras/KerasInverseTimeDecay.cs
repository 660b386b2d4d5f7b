using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Keras;

/// <summary>
/// Keras <c>InverseTimeDecay</c>: lr = initial_learning_rate / (1 + decay_rate · s / decay_steps), the quotient
/// s / decay_steps floored when <see cref="Staircase"/>.
/// </summary>
/// <param name="InitialLearningRate">Value at step 0.</param>
/// <param name="DecaySteps">Positive.</param>
/// <param name="DecayRate">Rate of the inverse-time decay.</param>
/// <param name="Staircase">Whether s / decay_steps is floored; default false.</param>
[PeerCall("keras", "InverseTimeDecay", "keras.optimizers.schedules", "tf.keras.optimizers.schedules",
    Signature = "initial_learning_rate, decay_steps, decay_rate, staircase, name")]
public sealed record KerasInverseTimeDecay(double InitialLearningRate, long DecaySteps, double DecayRate, bool Staircase = false)
    : KerasSpec
{
    /// <summary>Value at step 0.</summary>
    public double InitialLearningRate { get; } = Check.Finite(InitialLearningRate, nameof(InitialLearningRate), "InverseTimeDecay");

    /// <summary>Rate of the inverse-time decay.</summary>
    public double DecayRate { get; } = Check.Finite(DecayRate, nameof(DecayRate), "InverseTimeDecay");

    /// <summary>Positive.</summary>
    public long DecaySteps { get; } = PositiveSteps(DecaySteps, nameof(DecaySteps), "InverseTimeDecay");

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var p = (double)step / DecaySteps;
        if (Staircase) p = Math.Floor(p);
        return InitialLearningRate / (1 + DecayRate * p);
    }
}
