namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// timm's learning-rate noise (<c>noise_range_t</c>, <c>noise_pct</c>, <c>noise_type</c>, <c>noise_seed</c>):
/// where it applies, lr ← lr + lr·n with n drawn afresh for every t from a generator seeded with seed + t.
/// </summary>
/// <remarks>
/// The draw is deterministic per t, as in timm, but it comes from Ramp's own generator (SplitMix64, Box–Muller for
/// the normal), not from torch's RNG stream, so the noisy values differ from timm's while having the same
/// distribution. timm's <c>noise_std</c> is never used by timm and has no counterpart here.
/// </remarks>
/// <param name="RangeT">One value n (noise for t ≥ n) or two values [lo, hi) (noise for lo ≤ t &lt; hi).</param>
/// <param name="Pct">Bound on |n|: the normal draw is repeated until |n| &lt; Pct; the uniform one is scaled to ±Pct. Positive; default
/// 0.67.</param>
/// <param name="Type">Normal (default) or uniform.</param>
/// <param name="Seed">Base seed; default 42.</param>
public sealed record TimmNoise(EquatableArray<double> RangeT, double Pct = 0.67, TimmNoiseType Type = TimmNoiseType.Normal, long Seed = 42)
{
    /// <summary>Normal (default) or uniform.</summary>
    public TimmNoiseType Type { get; } = Check.Defined(Type, nameof(Type), "timm_noise");

    /// <summary>Base seed; default 42.</summary>
    public long Seed { get; } = Seed;

    /// <summary>One or two bounds.</summary>
    public EquatableArray<double> RangeT { get; } = RangeT.Count is 1 or 2
        ? RangeT
        : throw ScheduleArgumentException.For($"noise_range_t must be one step or a pair [start, end) but has {RangeT.Count} values",
            nameof(RangeT));

    /// <summary>Positive bound on the noise.</summary>
    public double Pct { get; } = Pct > 0
        ? Pct
        : throw new ScheduleArgumentException(nameof(Pct), Pct, $"noise_pct must be > 0 but was {Pct}");

    /// <summary>Whether noise applies at <paramref name="t"/>.</summary>
    public bool AppliesAt(long t) => RangeT.Count == 1 ? t >= RangeT[0] : RangeT[0] <= t && t < RangeT[1];

    /// <summary>The noise factor n drawn for <paramref name="t"/> (whether or not it applies there).</summary>
    public double Draw(long t)
    {
        var state = unchecked((ulong)(Seed + t));
        if (Type == TimmNoiseType.Uniform) return 2 * (Uniform(ref state) - 0.5) * Pct;
        while (true)
        {
            // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
            var u1 = 1.0 - Uniform(ref state);
            var u2 = Uniform(ref state);
            var n = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            if (Math.Abs(n) < Pct) return n;
        }
    }

    /// <summary>The multiplier <c>1 + n</c> at <paramref name="t"/> (1 where no noise applies).</summary>
    public double FactorAt(long t) => AppliesAt(t) ? 1 + Draw(t) : 1.0;

    /// <summary><c>lr + lr·n</c> where noise applies at <paramref name="t"/>, else <paramref name="lr"/>.</summary>
    public double Apply(double lr, long t) => AppliesAt(t) ? lr + lr * Draw(t) : lr;

    private static double Uniform(ref ulong state)
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        var z = state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
