using System.Globalization;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// valley (fastai's default, from ESRI): the middle of the longest descent of the loss curve.
/// </summary>
/// <remarks>
/// Finds the longest strictly decreasing subsequence of the smoothed losses (not necessarily contiguous, so
/// small bumps do not break a descent), takes the index span from its first to its last point, and picks the
/// point <c>start + floor(span / 3) + floor(span / 6)</c>, about halfway along. Why: the middle of the longest
/// descent is a learning rate where training makes steady progress and that is well below the edge at the
/// descent's end; it is more robust to noise than the single steepest point. (fastai's code measures the span
/// from one point before the start; Ramp measures it from the start itself.) No suggestion when the loss never
/// decreases (longest descent of one point) or the series has fewer than 2 points.
/// </remarks>
public sealed record ValleyRule : SuggestionRule
{
    /// <inheritdoc />
    public override string Name => "valley";

    /// <inheritdoc />
    public override LrSuggestion Suggest(RangeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        if (n < 2) return TooShort(series, 2);
        var length = new int[n];
        var previous = new int[n];
        var bestEnd = 0;
        for (var i = 0; i < n; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (series.Losses[j] > series.Losses[i] && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (length[i] > length[bestEnd]) bestEnd = i;
        }
        if (length[bestEnd] < 2)
            return LrSuggestion.None(Name, "valley: no suggestion, the smoothed loss never decreases");
        var start = bestEnd;
        while (previous[start] >= 0) start = previous[start];
        var span = bestEnd - start;
        var index = start + span / 3 + span / 6;
        var lr = series.Lrs[index];
        return new LrSuggestion(Name, lr, index, string.Create(CultureInfo.InvariantCulture,
            $"valley: lr {lr:G4}, about halfway along the longest descent of the loss (lr {series.Lrs[start]:G4} " +
                $"to {series.Lrs[bestEnd]:G4}, {length[bestEnd]} falling points)"));
    }
}
