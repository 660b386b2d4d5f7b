using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Hyperbolic-tangent decay (timm's shape), clamped past its end: <c>r = min(t, T) / T</c>,
/// <c>f(t) = floor + (1 - floor) * (1 - tanh(lower * (1 - r) + upper * r)) / 2</c>;
/// text <c>tanh(T, lower=-7, upper=3, floor=0)</c>.
/// </summary>
/// <param name="Steps">Decay length T, at least 1.</param>
/// <param name="Lower">tanh argument at the start, finite and below <paramref name="Upper"/>; default -7.</param>
/// <param name="Upper">tanh argument at the end, finite; default 3.</param>
/// <param name="Floor">Lowest factor, in [0, 1]; default 0.</param>
public sealed record TanhDecay(long Steps, double Lower = -7, double Upper = 3, double Floor = 0) : Schedule
{
    internal const string Name = "tanh";

    /// <summary>Decay length T, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>tanh argument at the start.</summary>
    public double Lower { get; } = Check.Finite(Lower, nameof(Lower), Name);

    /// <summary>tanh argument at the end, above <see cref="Lower"/>.</summary>
    public double Upper { get; } = Check.Finite(Upper, nameof(Upper), Name) > Lower
        ? Upper
        : throw Check.Range(nameof(Upper), Upper, $"tanh: upper must be above lower ({Check.F(Lower)}) but was {Check.F(Upper)}");

    /// <summary>Lowest factor, in [0, 1].</summary>
    public double Floor { get; } = Check.Within(Floor, 0, 1, true, nameof(Floor), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var r = step >= Steps ? 1.0 : Check.Step(step) / Steps;
        return Floor + (1.0 - Floor) * 0.5 * (1.0 - Math.Tanh(Lower * (1.0 - r) + Upper * r));
    }

    /// <summary>The native text, e.g. <c>tanh(1000)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
