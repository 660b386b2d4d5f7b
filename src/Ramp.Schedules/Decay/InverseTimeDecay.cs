using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Inverse-time decay: <c>f(t) = 1 / (1 + rate * p)</c> with <c>p = t / steps</c> (floored when <c>staircase</c>);
/// text <c>inv_time(steps, rate, staircase=false)</c>.
/// </summary>
/// <param name="Steps">Step scale, at least 1.</param>
/// <param name="Rate">Decay rate, finite and at least 0.</param>
/// <param name="Staircase">Whether <c>t / steps</c> is floored; default false.</param>
public sealed record InverseTimeDecay(long Steps, double Rate, bool Staircase = false) : Schedule
{
    internal const string Name = "inv_time";

    /// <summary>Step scale, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Decay rate, at least 0.</summary>
    public double Rate { get; } = Check.NonNegative(Rate, nameof(Rate), Name);

    /// <summary>Whether <c>t / steps</c> is floored.</summary>
    public bool Staircase { get; } = Staircase;

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        if (step <= 0) return 1.0;
        var p = Staircase ? (double)(step / Steps) : (double)step / Steps;
        return 1.0 / (1.0 + Rate * p);
    }

    /// <summary>The native text, e.g. <c>inv_time(1000, 0.5)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
