namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// Exponential moving average of the loss with Adam-style bias correction, as in fastai's range test:
/// <c>avg_n = beta * avg_(n-1) + (1 - beta) * loss_n</c>, <c>smoothed_n = avg_n / (1 - beta^n)</c>.
/// </summary>
/// <remarks>
/// Without the correction the first values would be pulled towards zero (the average starts at 0); with it the
/// first smoothed value equals the first loss. An immutable value: <see cref="Add"/> returns the next smoother.
/// A non-finite loss makes the smoothed value non-finite, which the range test treats as divergence.
/// </remarks>
/// <param name="Beta">EMA coefficient in [0, 1); 0 means no smoothing.</param>
/// <param name="Average">The uncorrected running average (0 before any loss).</param>
/// <param name="Count">Number of losses added.</param>
public readonly record struct LossSmoother(double Beta, double Average = 0, int Count = 0)
{
    /// <summary>The bias-corrected smoothed loss; NaN before any loss was added.</summary>
    public double Value => Count == 0 ? double.NaN : Average / (1 - Math.Pow(Beta, Count));

    /// <summary>The smoother after one more <paramref name="loss"/>.</summary>
    public LossSmoother Add(double loss) =>
        this with { Average = Beta * Average + (1 - Beta) * loss, Count = Count + 1 };
}
