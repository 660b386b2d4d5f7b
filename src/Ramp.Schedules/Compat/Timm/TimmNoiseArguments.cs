using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// timm's noise keywords (<c>noise_range_t</c>, <c>noise_pct</c>, <c>noise_type</c>, <c>noise_seed</c>) read as one
/// <see cref="TimmNoise"/>, null when <c>noise_range_t</c> is absent or None. As in timm, <c>noise_std</c> is accepted
/// and unused, and any <c>noise_type</c> other than 'normal' means uniform.
/// </summary>
internal sealed class TimmNoiseArguments : IPyConverter
{
    private const double Pct = 0.67;
    private const long Seed = 42;

    /// <inheritdoc />
    public object? Read(PyArgs args, string name, object? fallback)
    {
        args.DoubleOrNone("noise_std", 1.0);
        var type = args.Str("noise_type", "normal") == "normal" ? TimmNoiseType.Normal : TimmNoiseType.Uniform;
        if (args.Raw("noise_range_t") is null or PyNone) return null;
        var range = args.DoubleOrList("noise_range_t");
        if (range.Length is not (1 or 2))
        {
            throw args.Error("noise_range_t", $"noise_range_t must be one step or a pair [start, end) but has {range.Length} values");
        }
        var pct = args.Double("noise_pct", Pct);
        var seed = args.IntOrNone("noise_seed", Seed) ?? Seed;
        return args.Construct(() => new TimmNoise(range, pct, type, seed));
    }

    /// <inheritdoc />
    public IEnumerable<(string Name, string Text)> Print(string name, object? value, object? fallback)
    {
        if (value is not TimmNoise noise) yield break;
        yield return ("noise_range_t", noise.RangeT.Count == 1 ? PeerBinder.Number(noise.RangeT[0]) : PeerBinder.Text(noise.RangeT));
        if (noise.Pct != Pct) yield return ("noise_pct", PeerBinder.Number(noise.Pct));
        if (noise.Type != TimmNoiseType.Normal) yield return ("noise_type", "'uniform'");
        if (noise.Seed != Seed) yield return ("noise_seed", PeerBinder.Text(noise.Seed));
    }
}
