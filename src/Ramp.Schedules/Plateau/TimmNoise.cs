namespace Ramp.Schedules.Plateau;

/// <summary>timm's learning-rate noise: where it applies and how it is drawn.</summary>
/// <param name="From">First epoch with noise (<c>noise_range_t</c>, or its first element).</param>
/// <param name="Until">Epoch where noise stops (exclusive; the second element of <c>noise_range_t</c>), or null for never.</param>
/// <param name="Normal">True for 'normal' noise, false for 'uniform'.</param>
/// <param name="Pct">Bound on the noise (<c>noise_pct</c>), in (0, 1]; default 0.67.</param>
/// <param name="Seed">Seed (<c>noise_seed</c>); default 42.</param>
public sealed record TimmNoise(long From, long? Until = null, bool Normal = true, double Pct = 0.67, long Seed = 42)
{
    /// <summary>Bound on the noise, in (0, 1].</summary>
    public double Pct { get; } = Pct is > 0 and <= 1
        ? Pct
        : throw new ArgumentOutOfRangeException(nameof(Pct), Pct, $"PlateauLRScheduler: noise_pct must be in (0, 1] but was {Pct}");

    /// <summary>The multiplier <c>1 + n</c> at epoch <paramref name="t"/> (1 outside the range).</summary>
    public double FactorAt(long t)
    {
        if (t < From || (Until is { } until && t >= until)) return 1.0;
        var state = unchecked((ulong)(Seed + t));
        while (true)
        {
            var u1 = Uniform(ref state);
            if (!Normal) return 1 + 2 * (u1 - 0.5) * Pct;
            var u2 = Uniform(ref state);
            var n = Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
            if (Math.Abs(n) < Pct) return 1 + n;
        }
    }

    /// <summary>SplitMix64: a uniform double in [0, 1).</summary>
    private static double Uniform(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }
}
