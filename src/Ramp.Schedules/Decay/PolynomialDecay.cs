using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Polynomial decay, clamped past its end: <c>f(t) = (1 - end) * (1 - min(t, T) / T) ^ power + end</c>;
/// text <c>poly(T, power=1, end=0)</c>.
/// </summary>
/// <param name="Steps">Decay length T, at least 1.</param>
/// <param name="Power">Exponent, finite and above 0; default 1.</param>
/// <param name="End">Factor reached at T and held, at least 0; default 0.</param>
public sealed record PolynomialDecay(long Steps, double Power = 1, double End = 0) : Schedule
{
    internal const string Name = "poly";

    /// <summary>Decay length T, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Exponent, above 0.</summary>
    public double Power { get; } = Check.Positive(Power, nameof(Power), Name);

    /// <summary>Factor reached at T and held.</summary>
    public double End { get; } = Check.NonNegative(End, nameof(End), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        if (step >= Steps) return End;
        var remaining = 1.0 - Check.Step(step) / Steps;
        return (1.0 - End) * Math.Pow(remaining, Power) + End;
    }

    /// <summary>The native text, e.g. <c>poly(1000, power=2)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
