using System.Globalization;
using Ramp.Schedules;

namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// slide (fastai, from Novetta): walk left from the divergent end until the curve stops bending.
/// </summary>
/// <remarks>
/// Takes the loss gradient per point (central differences, one-sided at the ends), then slides a window of
/// <see cref="Window"/> points leftwards from the right end: while the gradients at the window's two ends differ
/// by more than <see cref="Threshold"/>, the curve is still bending (blowing up, or turning out of the descent),
/// so the candidate moves to the window's left end. The answer is the last such left end, times
/// <see cref="Adjust"/>. Why: it finds the highest learning rate before the curve leaves its steady, straight
/// descent, which is bolder than valley. The threshold is in loss units per point, so it depends on the scale of
/// the loss. No suggestion with fewer than <c>Window + 1</c> points.
/// </remarks>
/// <param name="Window">Distance in points between the two gradients compared; &gt;= 1. Default 15.</param>
/// <param name="Threshold">Largest gradient difference counted as "not bending"; &gt;= 0. Default 0.005.</param>
/// <param name="Adjust">Multiplier applied to the picked learning rate; &gt; 0. Default 1.</param>
public sealed record SlideRule(int Window = 15, double Threshold = 0.005, double Adjust = 1) : SuggestionRule
{
    /// <summary>Window length in points.</summary>
    public int Window { get; } = Window >= 1
        ? Window
        : throw new RampArgumentException(nameof(Window), Window, $"slide: window must be >= 1 but was {Window}");

    /// <summary>Gradient-difference threshold.</summary>
    public double Threshold { get; } = Threshold >= 0 && double.IsFinite(Threshold)
        ? Threshold
        : throw new RampArgumentException(nameof(Threshold), Threshold,
            $"slide: threshold must be finite and >= 0 but was {Threshold}");

    /// <summary>Multiplier on the pick.</summary>
    public double Adjust { get; } = Adjust > 0 && double.IsFinite(Adjust)
        ? Adjust
        : throw new RampArgumentException(nameof(Adjust), Adjust, $"slide: adjust must be finite and > 0 but was {Adjust}");

    /// <inheritdoc />
    public override string Name => "slide";

    /// <inheritdoc />
    public override LrSuggestion Suggest(RangeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        if (n < Window + 1) return TooShort(series, Window + 1);
        var gradient = new double[n];
        for (var i = 0; i < n; i++)
        {
            gradient[i] = i == 0 ? series.Losses[1] - series.Losses[0]
                : i == n - 1 ? series.Losses[n - 1] - series.Losses[n - 2]
                : (series.Losses[i + 1] - series.Losses[i - 1]) / 2;
        }
        var right = n - 1;
        var left = right - Window;
        var pick = left;
        while (left >= 0 && Math.Abs(gradient[right] - gradient[left]) > Threshold)
        {
            pick = left;
            right--;
            left--;
        }
        var lr = series.Lrs[pick] * Adjust;
        return new LrSuggestion(Name, lr, pick, string.Create(CultureInfo.InvariantCulture,
            $"slide: lr {lr:G4}, the left end of the last {Window}-point window (walking in from the high end) ")
            + "over which the loss curve still bends");
    }
}
