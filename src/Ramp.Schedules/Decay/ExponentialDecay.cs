using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Exponential decay: <c>d = max(0, t - delay)</c>, <c>p = d / steps</c> (floored when <c>staircase</c>),
/// <c>f(t) = rate ^ p</c>, held at <c>end</c> once it is passed (a floor when rate &lt; 1, a ceiling when rate &gt; 1);
/// text <c>exp_decay(steps, rate, staircase=false, delay=0, end=...)</c>.
/// </summary>
/// <param name="Steps">Steps over which the factor is multiplied by <paramref name="Rate"/>, at least 1.</param>
/// <param name="Rate">Multiplier per <paramref name="Steps"/> steps, finite and above 0.</param>
/// <param name="Staircase">Whether the exponent is floored (decay in jumps); default false.</param>
/// <param name="Delay">Steps held at 1 before the decay begins, at least 0; default 0.</param>
/// <param name="End">Optional bound the factor never passes, at least 0; default none.</param>
public sealed record ExponentialDecay(long Steps, double Rate, bool Staircase = false, long Delay = 0, double? End = null)
    : Schedule
{
    internal const string Name = "exp_decay";

    /// <summary>Steps over which the factor is multiplied by <see cref="Rate"/>, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Multiplier per <see cref="Steps"/> steps, above 0.</summary>
    public double Rate { get; } = Check.Positive(Rate, nameof(Rate), Name);

    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; } = Staircase;

    /// <summary>Steps held at 1 before the decay begins.</summary>
    public long Delay { get; } = Check.AtLeast(Delay, 0, nameof(Delay), Name);

    /// <summary>Optional bound the factor never passes.</summary>
    public double? End { get; } = End is { } e ? Check.NonNegative(e, nameof(End), Name) : null;

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        if (step <= Delay) return End is { } e0 ? Bound(1.0, e0) : 1.0;
        var d = step - Delay;
        var p = Staircase ? (double)(d / Steps) : (double)d / Steps;
        var value = Math.Pow(Rate, p);
        return End is { } e ? Bound(value, e) : value;
    }

    private double Bound(double value, double end) => Rate < 1 ? Math.Max(value, end) : Math.Min(value, end);

    /// <summary>The native text, e.g. <c>exp_decay(1000, 0.5)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
