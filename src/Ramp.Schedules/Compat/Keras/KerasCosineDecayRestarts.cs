using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Keras;

/// <summary>
/// Keras <c>CosineDecayRestarts</c> (SGDR): f = s / first_decay_steps; with t_mul = 1, i = ⌊f⌋ and f −= i;
/// otherwise i = ⌊log(1 − f(1 − t_mul)) / log(t_mul)⌋ and f = (f − (1 − t_mul^i)/(1 − t_mul)) / t_mul^i;
/// lr = initial·((1 − α)·½·m_mul^i·(1 + cos(π·f)) + α). α is not decayed by m_mul.
/// </summary>
/// <param name="InitialLearningRate">Peak of the first cycle.</param>
/// <param name="FirstDecaySteps">Length of the first cycle, positive.</param>
/// <param name="TMul">Cycle length multiplier; default 2.</param>
/// <param name="MMul">Peak multiplier per restart; default 1.</param>
/// <param name="Alpha">Floor as a fraction of the initial rate; default 0.</param>
[PeerCall("keras", "CosineDecayRestarts", "keras.optimizers.schedules", "tf.keras.optimizers.schedules",
    Signature = "initial_learning_rate, first_decay_steps, t_mul, m_mul, alpha, name")]
public sealed record KerasCosineDecayRestarts(
    double InitialLearningRate, long FirstDecaySteps, double TMul = 2.0, double MMul = 1.0, double Alpha = 0.0) : KerasSpec
{
    /// <summary>Peak of the first cycle.</summary>
    public double InitialLearningRate { get; } = Check.Finite(InitialLearningRate, nameof(InitialLearningRate), "CosineDecayRestarts");

    /// <summary>Peak multiplier per restart; default 1.</summary>
    public double MMul { get; } = Check.Finite(MMul, nameof(MMul), "CosineDecayRestarts");

    /// <summary>Floor as a fraction of the initial rate; default 0.</summary>
    public double Alpha { get; } = Check.Finite(Alpha, nameof(Alpha), "CosineDecayRestarts");

    /// <summary>Length of the first cycle, positive.</summary>
    public long FirstDecaySteps { get; } = PositiveSteps(FirstDecaySteps, nameof(FirstDecaySteps), "CosineDecayRestarts");

    /// <summary>Cycle length multiplier, positive.</summary>
    public double TMul { get; } = TMul > 0
        ? TMul
        : throw new ScheduleArgumentException(nameof(TMul), TMul, $"CosineDecayRestarts: t_mul must be > 0 but was {TMul}");

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var fraction = (double)step / FirstDecaySteps;
        double restart;
        if (TMul == 1.0)
        {
            restart = Math.Floor(fraction);
            fraction -= restart;
        }
        else
        {
            restart = Math.Floor(Math.Log(1.0 - fraction * (1.0 - TMul)) / Math.Log(TMul));
            var sum = (1.0 - Math.Pow(TMul, restart)) / (1.0 - TMul);
            fraction = (fraction - sum) / Math.Pow(TMul, restart);
        }
        var cosine = 0.5 * Math.Pow(MMul, restart) * (1.0 + Math.Cos(Math.PI * fraction));
        return InitialLearningRate * ((1 - Alpha) * cosine + Alpha);
    }
}
