using Ramp.Schedules.Composition;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Warmup;

/// <summary>
/// Ramp's linear warmup factor: <c>f(t) = start + (1 - start) * min(1, (t + 1) / W)</c>; text <c>warmup(W, start=0)</c>.
/// </summary>
/// <remarks>
/// Convention: the first step is never wasted. Step 0 already trains at <c>start + (1 - start) / W</c> (not 0, unlike
/// transformers' warmups), the peak 1 is first used at step <c>W - 1</c>, and the factor stays 1 afterwards, so the
/// warmup is both a join piece of length W (<c>warmup(100) &gt;&gt; cosine(900)</c>) and a dampening factor
/// (<c>cosine(1000) * warmup(100)</c>).
/// </remarks>
/// <param name="Steps">Warmup length W, at least 1.</param>
/// <param name="Start">Factor the ramp starts from (reached at step -1), in [0, 1]; default 0.</param>
public sealed record LinearWarmup(long Steps, double Start = 0) : Schedule
{
    internal const string Name = "warmup";

    /// <summary>Warmup length W, at least 1.</summary>
    public long Steps { get; } = Check.AtLeast(Steps, 1, nameof(Steps), Name);

    /// <summary>Factor the ramp starts from, in [0, 1].</summary>
    public double Start { get; } = Check.Within(Start, 0, 1, true, nameof(Start), Name);

    /// <inheritdoc />
    public override double ValueAt(long step)
    {
        var x = Check.Step(step) + 1.0;
        return x >= Steps ? 1.0 : Start + (1.0 - Start) * (x / Steps);
    }

    /// <summary>The native text, e.g. <c>warmup(100)</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
