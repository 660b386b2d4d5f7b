using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>
/// optax <c>cosine_decay_schedule</c>: with c = min(count, D),
/// value = init·((1 − alpha)·(½(1 + cos(π·c/D)))^exponent + alpha). Held at alpha·init from D on.
/// </summary>
/// <param name="InitValue">Value at count 0.</param>
/// <param name="DecaySteps">D, positive.</param>
/// <param name="Alpha">Final value as a fraction of init; default 0.</param>
/// <param name="Exponent">Exponent on the cosine factor; default 1.</param>
[PeerCall("optax", "cosine_decay_schedule", "optax", "optax.schedules")]
public sealed record OptaxCosineDecay(double InitValue, long DecaySteps, double Alpha = 0.0, double Exponent = 1.0) : OptaxSpec
{
    /// <summary>Value at count 0.</summary>
    public double InitValue { get; } = Check.Finite(InitValue, nameof(InitValue), "cosine_decay_schedule");

    /// <summary>Final value as a fraction of init; default 0.</summary>
    public double Alpha { get; } = Check.Finite(Alpha, nameof(Alpha), "cosine_decay_schedule");

    /// <summary>Exponent on the cosine factor; default 1.</summary>
    public double Exponent { get; } = Check.Finite(Exponent, nameof(Exponent), "cosine_decay_schedule");

    /// <summary>D, positive.</summary>
    public long DecaySteps { get; } = DecaySteps > 0
        ? DecaySteps
        : throw new ScheduleArgumentException(nameof(DecaySteps), DecaySteps,
            $"cosine_decay_schedule: decay_steps must be positive but was {DecaySteps}");

    /// <inheritdoc />
    public override double ValueAt(long count)
    {
        double c = Math.Min(count, DecaySteps);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * c / DecaySteps));
        var decayed = (1 - Alpha) * Math.Pow(cosine, Exponent) + Alpha;
        return InitValue * decayed;
    }
}
