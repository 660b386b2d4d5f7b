using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Keras;

/// <summary>
/// Keras <c>PolynomialDecay</c>: lr = (initial − end)·(1 − s'/D')^power + end, with s' = min(s, D) and D' = D
/// without <see cref="Cycle"/>; with it s' = s and D' = D·ceil(s/D) (D at s = 0), so the rate jumps back up at
/// every multiple of D.
/// </summary>
/// <param name="InitialLearningRate">Value at step 0.</param>
/// <param name="DecaySteps">D, positive.</param>
/// <param name="EndLearningRate">Value at D; default 1e-4.</param>
/// <param name="Power">Exponent; default 1.</param>
/// <param name="Cycle">Whether to restart after D; default false.</param>
[PeerCall("keras", "PolynomialDecay", "keras.optimizers.schedules", "tf.keras.optimizers.schedules",
    Signature = "initial_learning_rate, decay_steps, end_learning_rate, power, cycle, name")]
public sealed record KerasPolynomialDecay(
    double InitialLearningRate, long DecaySteps, double EndLearningRate = 0.0001, double Power = 1.0, bool Cycle = false) : KerasSpec
{
    /// <summary>Value at step 0.</summary>
    public double InitialLearningRate { get; } = Check.Finite(InitialLearningRate, nameof(InitialLearningRate), "PolynomialDecay");

    /// <summary>Value at D; default 1e-4.</summary>
    public double EndLearningRate { get; } = Check.Finite(EndLearningRate, nameof(EndLearningRate), "PolynomialDecay");

    /// <summary>Exponent; default 1.</summary>
    public double Power { get; } = Check.Finite(Power, nameof(Power), "PolynomialDecay");

    /// <summary>D, positive.</summary>
    public long DecaySteps { get; } = PositiveSteps(DecaySteps, nameof(DecaySteps), "PolynomialDecay");

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        double s = step, d = DecaySteps;
        if (Cycle) d *= step == 0 ? 1.0 : Math.Ceiling(s / DecaySteps);
        else s = Math.Min(s, d);
        var p = s / d;
        return (InitialLearningRate - EndLearningRate) * Math.Pow(1 - p, Power) + EndLearningRate;
    }
}
