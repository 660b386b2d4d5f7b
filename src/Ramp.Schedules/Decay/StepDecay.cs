using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>Step decay: <c>f(t) = gamma ^ floor(t / every)</c>; text <c>step(every, gamma=0.1)</c>.</summary>
/// <param name="Every">Steps between decays, at least 1.</param>
/// <param name="Gamma">Multiplier applied at each decay, finite and above 0; default 0.1.</param>
public sealed record StepDecay(long Every, double Gamma = 0.1) : Schedule
{
    internal const string Name = "step";

    /// <summary>Steps between decays, at least 1.</summary>
    public long Every { get; } = Check.AtLeast(Every, 1, nameof(Every), Name);

    /// <summary>Multiplier applied at each decay, above 0.</summary>
    public double Gamma { get; } = Check.Positive(Gamma, nameof(Gamma), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) => step <= 0 ? 1.0 : Math.Pow(Gamma, step / Every);

    /// <summary>The native text, e.g. <c>step(30)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
