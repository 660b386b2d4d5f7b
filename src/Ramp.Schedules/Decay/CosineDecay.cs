using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Cosine decay, clamped past its end (PyTorch's CosineAnnealingLR rises again after T; this does not):
/// <c>p = (min(t, T) / T) ^ k</c>, <c>f(t) = floor + (1 - floor) * ((1 + cos(2 * pi * waves * p)) / 2) ^ exponent</c>;
/// text <c>cosine(T, floor=0, exponent=1, waves=0.5, k=1)</c>.
/// </summary>
/// <param name="Steps">Decay length T, at least 1; the value at T is held afterwards.</param>
/// <param name="Floor">Lowest factor, in [0, 1]; default 0.</param>
/// <param name="Exponent">Power on the cosine factor (optax's exponent), above 0; default 1.</param>
/// <param name="Waves">Number of cosine waves over T (transformers' num_cycles), above 0; default 0.5 (one half wave, 1 down to
/// floor).</param>
/// <param name="K">k-decay exponent on the progress (timm's k_decay), above 0; default 1.</param>
public sealed record CosineDecay(long Steps, double Floor = 0, double Exponent = 1, double Waves = 0.5, double K = 1) : Schedule
{
    internal const string Name = "cosine";

    /// <summary>Decay length T, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Lowest factor, in [0, 1].</summary>
    public double Floor { get; } = Check.Within(Floor, 0, 1, true, nameof(Floor), Name);

    /// <summary>Power on the cosine factor, above 0.</summary>
    public double Exponent { get; } = Check.Positive(Exponent, nameof(Exponent), Name);

    /// <summary>Number of cosine waves over T, above 0.</summary>
    public double Waves { get; } = Check.Positive(Waves, nameof(Waves), Name);

    /// <summary>k-decay exponent on the progress, above 0.</summary>
    public double K { get; } = Check.Positive(K, nameof(K), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        double p;
        if (step >= Steps) p = 1.0;
        else
        {
            p = Check.Step(step) / Steps;
            if (K != 1.0) p = Math.Pow(p, K);
        }
        var c = 0.5 * (1.0 + Math.Cos(2.0 * Math.PI * Waves * p));
        if (Exponent != 1.0) c = Math.Pow(c, Exponent);
        return Floor + (1.0 - Floor) * c;
    }

    /// <summary>The native text, e.g. <c>cosine(900, floor=0.1)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
