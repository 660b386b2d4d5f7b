using System.Globalization;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// minimum: one tenth of the learning rate at the lowest smoothed loss.
/// </summary>
/// <remarks>
/// Why one tenth: at the minimum of the curve the ramp is already at the edge (the next learning rates make
/// the loss rise), and the ramp got there only after warming up through all smaller learning rates; an order
/// of magnitude below is the classic safe choice (fastai's <c>lr_min</c>). No suggestion when the lowest loss
/// is the first point (the loss never fell) or the series is empty.
/// </remarks>
public sealed record MinimumRule : SuggestionRule
{
    /// <summary>The divisor applied to the learning rate of the minimum; 10.</summary>
    public const double Divisor = 10;

    /// <inheritdoc />
    public override string Name => "minimum";

    /// <inheritdoc />
    public override LrSuggestion Suggest(RangeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2) return TooShort(series, 2);
        var best = 0;
        for (var i = 1; i < series.Count; i++)
            if (series.Losses[i] < series.Losses[best]) best = i;
        if (best == 0)
            return LrSuggestion.None(Name, "minimum: no suggestion, the lowest loss is at the first point (the loss never fell)");
        var lr = series.Lrs[best] / Divisor;
        return new LrSuggestion(Name, lr, best, string.Create(CultureInfo.InvariantCulture,
            $"minimum: lr {lr:G4}, one tenth of lr {series.Lrs[best]:G4} where the smoothed loss is lowest ({series.Losses[best]:G4})"));
    }
}
