using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Decay;

/// <summary>
/// Inverse-square-root decay (the tail of the Noam schedule): <c>f(t) = 1 / sqrt(1 + t / timescale)</c>, 1 at step 0;
/// text <c>rsqrt(timescale)</c>. Noam with warmup W is <c>warmup(W) &gt;&gt; rsqrt(W)</c>.
/// </summary>
/// <param name="Timescale">Steps over which the factor falls to 1/sqrt(2), at least 1.</param>
public sealed record InverseSqrtDecay(long Timescale) : Schedule
{
    internal const string Name = "rsqrt";

    /// <summary>Steps over which the factor falls to 1/sqrt(2), at least 1.</summary>
    public long Timescale { get; } = Check.AtLeast(Timescale, 1, nameof(Timescale), Name);

    /// <inheritdoc />
    public override double ValueAt(long step) => 1.0 / Math.Sqrt(1.0 + Check.Step(step) / Timescale);

    /// <summary>The native text, e.g. <c>rsqrt(4000)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
