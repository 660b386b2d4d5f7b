using Ramp.Schedules.Composition;

namespace Ramp.Schedules.Warmup;

/// <summary>A warmup length given as a fraction of the run (transformers' <c>warmup_ratio</c>).</summary>
public static class WarmupRatio
{
    /// <summary>
    /// <c>W = ceil(ratio * total)</c>, computed so that products that are whole numbers in decimal are not pushed up
    /// by binary rounding (0.1 * 1000 gives 100, not 101).
    /// </summary>
    /// <param name="ratio">Fraction of the run, in (0, 1).</param>
    /// <param name="total">Total number of optimizer steps, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">When an argument is out of range.</exception>
    public static long Steps(double ratio, long total)
    {
        Check.Open(ratio, 0, 1, nameof(ratio), "warmup ratio");
        Check.AtLeast(total, 1, nameof(total), "warmup ratio");
        var exact = (decimal)ratio * total;
        return Math.Max(1L, (long)Math.Ceiling(exact));
    }
}
