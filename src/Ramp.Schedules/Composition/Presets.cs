using Ramp.Schedules.Decay;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Composition;

/// <summary>The common shapes, built from C# in one call (each is an ordinary <see cref="Join"/>).</summary>
public static class Presets
{
    /// <summary>
    /// Linear warmup over <paramref name="warmup"/> steps, then cosine down to <paramref name="floor"/> at step
    /// <paramref name="total"/>: <c>warmup(W) &gt;&gt; cosine(total - W, floor=...)</c>.
    /// </summary>
    /// <param name="warmup">Warmup length W, in [1, total).</param>
    /// <param name="total">Total steps including the warmup.</param>
    /// <param name="floor">Final factor, in [0, 1]; default 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="warmup"/> is not in [1, total).</exception>
    public static Join WarmupCosine(long warmup, long total, double floor = 0)
    {
        if (warmup < 1 || warmup >= total)
            throw new ScheduleArgumentException(nameof(warmup), warmup,
                $"cosine: warmup must be in [1, total) but was {warmup} (total = {total})");
        return Join.Sequence(new LinearWarmup(warmup), new CosineDecay(total - warmup, floor));
    }

    /// <summary>
    /// <see cref="WarmupCosine"/> with the warmup given as a fraction of the run:
    /// <c>W = ceil(ratio * total)</c> (see <see cref="WarmupRatio.Steps"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the ratio is not in (0, 1) or leaves no decay.</exception>
    public static Join WarmupRatioCosine(double ratio, long total, double floor = 0) =>
        WarmupCosine(WarmupRatio.Steps(ratio, total), total, floor);

    /// <summary>
    /// Linear warmup, then a straight line down to exactly 0 at the last step (Bergsma et al. 2025, "Straight to Zero":
    /// linear decay to zero, D2Z): <c>warmup(W) &gt;&gt; linear(total - W - 1)</c>. The factor is <c>(t+1)/W</c> up
    /// to 1 at step W-1, 1 again at step W, then <c>(total - 1 - t) / (total - 1 - W)</c>, which is 0 at step
    /// <c>total - 1</c>, the last of <paramref name="total"/> updates, and held at 0 after it.
    /// </summary>
    /// <param name="warmup">Warmup length W, in [1, total - 2].</param>
    /// <param name="total">Total steps including the warmup.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="warmup"/> is not in [1, total - 2].</exception>
    public static Join LinearToZero(long warmup, long total)
    {
        if (warmup < 1 || warmup > total - 2)
            throw new ScheduleArgumentException(nameof(warmup), warmup,
                $"linear to zero: warmup must be in [1, total - 2] but was {warmup} (total = {total})");
        return Join.Sequence(new LinearWarmup(warmup), new LinearDecay(total - warmup - 1));
    }

    /// <summary>
    /// The Noam shape (Vaswani et al. 2017) as factors of its peak: linear warmup over <paramref name="warmup"/> steps,
    /// then <c>1 / sqrt(1 + t / W)</c>: <c>warmup(W) &gt;&gt; rsqrt(W)</c>.
    /// </summary>
    public static Join Noam(long warmup) => Join.Sequence(new LinearWarmup(warmup), new InverseSqrtDecay(warmup));
}
