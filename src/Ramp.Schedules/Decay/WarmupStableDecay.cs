using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// The stable and decay phases of warmup-stable-decay (WSD): 1 for <c>t &lt; stable</c>, then
/// <c>p = min(1, (t - stable) / decay)</c> and <c>f = floor + (1 - floor) * shape(p)</c>, held from step
/// <c>stable + decay</c> on. The shapes: linear <c>1 - p</c>, cosine <c>(1 + cos(pi p)) / 2</c>, sqrt <c>1 - sqrt(p)</c>,
/// square <c>1 - p^2</c> (all reach the floor), and exp <c>0.5^(p * decay / half_life)</c> (MiniCPM's, which ends
/// above the floor). Text <c>wsd(stable, decay, shape=linear, floor=0, half_life=none)</c>; the warmup is joined in
/// front: <c>warmup(100) &gt;&gt; wsd(800, 100, shape=sqrt)</c>.
/// </summary>
/// <param name="Stable">Steps held at 1, at least 0.</param>
/// <param name="Decay">Length of the decay phase, at least 1.</param>
/// <param name="Shape">Decay shape; default <see cref="DecayShape.Linear"/>.</param>
/// <param name="Floor">Factor the shape falls to, in [0, 1]; default 0.</param>
/// <param name="HalfLife">Steps in which the exp shape halves, at least 1; required by <see cref="DecayShape.Exp"/> and
/// refused by the other shapes.</param>
public sealed record WarmupStableDecay(long Stable, long Decay, DecayShape Shape = DecayShape.Linear, double Floor = 0,
    long? HalfLife = null) : Schedule
{
    internal const string Name = "wsd";

    /// <summary>Steps held at 1, at least 0.</summary>
    public long Stable { get; } = Check.AtLeast(Stable, 0, nameof(Stable), Name);

    /// <summary>Length of the decay phase, at least 1.</summary>
    public long Decay { get; } = Check.AtLeast(Decay, 1, nameof(Decay), Name);

    /// <summary>Decay shape.</summary>
    public DecayShape Shape { get; } = DecayShapeFormula.Defined(Shape, Name);

    /// <summary>Factor the shape falls to, in [0, 1].</summary>
    public double Floor { get; } = Check.Within(Floor, 0, 1, true, nameof(Floor), Name);

    /// <summary>Steps in which the exp shape halves; null for the other shapes.</summary>
    public long? HalfLife { get; } = DecayShapeFormula.HalfLife(Shape, HalfLife, Name);

    /// <inheritdoc />
    public override double ValueAt(long step) =>
        step < Stable ? 1.0 : Floor + (1.0 - Floor) * DecayShapeFormula.Of(Shape, step - Stable, Decay, HalfLife);

    /// <summary>The native text, e.g. <c>wsd(800, 200)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
