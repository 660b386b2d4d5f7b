using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>
/// optax <c>polynomial_schedule</c> (and <c>linear_schedule</c>, power 1): with c = clip(count − begin, 0, T),
/// value = (init − end)·(1 − c/T)^power + end. Held at init before begin and at end from begin + T on.
/// </summary>
/// <remarks>As in optax, T ≤ 0 means the constant init_value and a negative begin counts as 0.</remarks>
/// <param name="InitValue">Value before and at the start of the transition.</param>
/// <param name="EndValue">Value at and after its end.</param>
/// <param name="Power">Exponent of the transition.</param>
/// <param name="TransitionSteps">T, its length.</param>
/// <param name="TransitionBegin">Count where it starts; default 0.</param>
[PeerCall("optax", "polynomial_schedule", "optax", "optax.schedules")]
public sealed record OptaxPolynomial(double InitValue, double EndValue, double Power, long TransitionSteps, long TransitionBegin = 0)
    : OptaxSpec
{
    /// <summary>Value before and at the start of the transition.</summary>
    public double InitValue { get; } = Check.Finite(InitValue, nameof(InitValue), "polynomial_schedule");

    /// <summary>Value at and after its end.</summary>
    public double EndValue { get; } = Check.Finite(EndValue, nameof(EndValue), "polynomial_schedule");

    /// <summary>Exponent of the transition.</summary>
    public double Power { get; } = Check.Finite(Power, nameof(Power), "polynomial_schedule");

    /// <summary>T, its length.</summary>
    public long TransitionSteps { get; } = TransitionSteps;

    /// <summary>Count where it starts; default 0.</summary>
    public long TransitionBegin { get; } = TransitionBegin;

    /// <inheritdoc />
    public override double ValueAt(long count)
    {
        if (TransitionSteps <= 0) return InitValue;
        var c = Math.Clamp(count - Math.Max(0, TransitionBegin), 0, TransitionSteps);
        var frac = 1 - (double)c / TransitionSteps;
        return (InitValue - EndValue) * Math.Pow(frac, Power) + EndValue;
    }
}
