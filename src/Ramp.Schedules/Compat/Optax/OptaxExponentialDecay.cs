using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>
/// optax <c>exponential_decay</c>: with d = count − begin and p = d/T (floored when staircase),
/// value = init for d ≤ 0, else init·rate^p; with an end value, clipped from below when rate &lt; 1 and from above
/// otherwise.
/// </summary>
/// <remarks>As in optax, T ≤ 0 or rate = 0 means the constant init_value, and a negative begin counts as 0.</remarks>
/// <param name="InitValue">Value up to the transition begin.</param>
/// <param name="TransitionSteps">T.</param>
/// <param name="DecayRate">Multiplier per T steps.</param>
/// <param name="TransitionBegin">Count where the decay starts; default 0.</param>
/// <param name="Staircase">Whether the exponent is floored; default false.</param>
/// <param name="EndValue">Bound the value never passes, or null (default).</param>
[PeerCall("optax", "exponential_decay", "optax", "optax.schedules")]
public sealed record OptaxExponentialDecay(
    double InitValue, long TransitionSteps, double DecayRate, long TransitionBegin = 0, bool Staircase = false, double? EndValue = null)
    : OptaxSpec
{
    /// <summary>Value up to the transition begin.</summary>
    public double InitValue { get; } = Check.Finite(InitValue, nameof(InitValue), "exponential_decay");

    /// <summary>T.</summary>
    public long TransitionSteps { get; } = TransitionSteps;

    /// <summary>Multiplier per T steps.</summary>
    public double DecayRate { get; } = Check.Finite(DecayRate, nameof(DecayRate), "exponential_decay");

    /// <summary>Count where the decay starts; default 0.</summary>
    public long TransitionBegin { get; } = TransitionBegin;

    /// <summary>Bound the value never passes, or null (default).</summary>
    public double? EndValue { get; } = EndValue is { } vEndValue ? Check.Finite(vEndValue, nameof(EndValue), "exponential_decay") : null;

    /// <inheritdoc />
    public override double ValueAt(long count)
    {
        if (TransitionSteps <= 0 || DecayRate == 0) return InitValue;
        var decreased = count - Math.Max(0, TransitionBegin);
        var p = (double)decreased / TransitionSteps;
        if (Staircase) p = Math.Floor(p);
        var value = decreased <= 0 ? InitValue : InitValue * Math.Pow(DecayRate, p);
        if (EndValue is { } end) value = DecayRate < 1.0 ? Math.Max(value, end) : Math.Min(value, end);
        return value;
    }
}
