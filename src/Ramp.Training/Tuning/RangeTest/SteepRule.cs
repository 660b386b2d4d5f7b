using System.Globalization;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// steep: the learning rate where the loss falls fastest against log(lr).
/// </summary>
/// <remarks>
/// For each pair of neighbours computes <c>(loss[i+1] - loss[i]) / (ln lr[i+1] - ln lr[i])</c> and picks
/// <c>lr[i]</c> at the most negative slope (the left end of the steepest segment, as fastai does). Why: where
/// a small increase of the learning rate buys the largest drop in loss, training is fast and still clearly
/// stable. It is noise-sensitive (one segment decides), which is why valley is the default. No suggestion when
/// no segment falls (the loss never decreases) or the series has fewer than 2 points.
/// </remarks>
public sealed record SteepRule : SuggestionRule
{
    /// <inheritdoc />
    public override string Name => "steep";

    /// <inheritdoc />
    public override LrSuggestion Suggest(RangeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2) return TooShort(series, 2);
        var best = -1;
        var bestSlope = 0.0;
        for (var i = 0; i + 1 < series.Count; i++)
        {
            var slope = (series.Losses[i + 1] - series.Losses[i]) / Math.Log(series.Lrs[i + 1] / series.Lrs[i]);
            if (slope < bestSlope)
            {
                bestSlope = slope;
                best = i;
            }
        }
        if (best < 0)
            return LrSuggestion.None(Name, "steep: no suggestion, the smoothed loss never decreases");
        var lr = series.Lrs[best];
        return new LrSuggestion(Name, lr, best, string.Create(CultureInfo.InvariantCulture,
            $"steep: lr {lr:G4}, where the loss falls fastest against log(lr) (slope {bestSlope:G4} per e-fold)"));
    }
}
