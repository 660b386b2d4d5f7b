using System.Globalization;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>Prints a <see cref="TimmNoise"/> as timm's keyword arguments.</summary>
internal static class TimmNoiseText
{
    /// <summary><c>, noise_range_t=..., noise_pct=..., noise_type=..., noise_seed=...</c>, or empty without noise.</summary>
    public static string Of(TimmNoise? noise)
    {
        if (noise is null) return "";
        var range = noise.RangeT.Count == 1
            ? Num(noise.RangeT[0])
            : $"({Num(noise.RangeT[0])}, {Num(noise.RangeT[1])})";
        var type = noise.Type == TimmNoiseType.Normal ? "normal" : "uniform";
        return $", noise_range_t={range}, noise_pct={Num(noise.Pct)}, noise_type='{type}', noise_seed={noise.Seed}";
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
