using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// The stable and decay phases of warmup-stable-decay (WSD): 1 for <c>t &lt; stable</c>, then
/// <c>p = min(1, (t - stable) / decay)</c> and <c>f = floor + (1 - floor) * shape(p)</c>, held at floor afterwards.
/// Text <c>wsd(stable, decay, shape=linear, floor=0)</c>; the warmup is joined in front:
/// <c>warmup(100) &gt;&gt; wsd(800, 100, shape=sqrt)</c>.
/// </summary>
/// <param name="Stable">Steps held at 1, at least 0.</param>
/// <param name="Decay">Length of the decay phase, at least 1.</param>
/// <param name="Shape">Decay shape; default <see cref="DecayShape.Linear"/>.</param>
/// <param name="Floor">Factor at the end, in [0, 1]; default 0.</param>
public sealed record WarmupStableDecay(long Stable, long Decay, DecayShape Shape = DecayShape.Linear, double Floor = 0) : Schedule
{
    internal const string Name = "wsd";

    /// <summary>Steps held at 1, at least 0.</summary>
    public long Stable { get; } = Check.AtLeast(Stable, 0, nameof(Stable), Name);

    /// <summary>Length of the decay phase, at least 1.</summary>
    public long Decay { get; } = Check.AtLeast(Decay, 1, nameof(Decay), Name);

    /// <summary>Decay shape.</summary>
    public DecayShape Shape { get; } = Enum.IsDefined(Shape) ? Shape
        : throw Check.Range(nameof(Shape), Shape, $"wsd: shape must be linear, cosine or sqrt but was {(int)Shape}");

    /// <summary>Factor at the end, in [0, 1].</summary>
    public double Floor { get; } = Check.Within(Floor, 0, 1, true, nameof(Floor), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        if (step < Stable) return 1.0;
        var into = step - Stable;
        var p = into >= Decay ? 1.0 : (double)into / Decay;
        var s = Shape switch
        {
            DecayShape.Linear => 1.0 - p,
            DecayShape.Cosine => 0.5 * (1.0 + Math.Cos(Math.PI * p)),
            _ => 1.0 - Math.Sqrt(p),
        };
        return Floor + (1.0 - Floor) * s;
    }

    /// <summary>The native text, e.g. <c>wsd(800, 200)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
