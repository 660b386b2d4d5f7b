using Ramp.Schedules;
namespace Ramp.Training.Monitoring;

/// <summary>
/// Exponential moving estimates of a signal's mean and variance, as ZClip keeps them:
/// the first <c>warmup</c> finite values are averaged plainly to initialise the estimates, then
/// <c>mean = alpha * mean + (1 - alpha) * x</c> and <c>var = alpha * var + (1 - alpha) * (x - mean)^2</c>
/// (with the updated mean). Non-finite values are ignored.
/// </summary>
/// <param name="Alpha">Smoothing factor in (0, 1); larger is smoother.</param>
/// <param name="Warmup">Number of values averaged plainly before the EMA starts (at least 1).</param>
/// <param name="Mean">Current mean estimate (NaN until warmed up).</param>
/// <param name="Variance">Current variance estimate (NaN until warmed up).</param>
/// <param name="Seen">Finite values observed so far.</param>
/// <param name="WarmupSum">Sum of the warm-up values so far.</param>
/// <param name="WarmupSquares">Sum of squares of the warm-up values so far.</param>
public sealed record EmaMoments(
    double Alpha,
    int Warmup,
    double Mean = double.NaN,
    double Variance = double.NaN,
    long Seen = 0,
    double WarmupSum = 0,
    double WarmupSquares = 0)
{
    /// <summary>Whether the warm-up is over and <see cref="Mean"/>, <see cref="Variance"/> are defined.</summary>
    public bool Ready => Seen >= Warmup;

    /// <summary>Standard deviation, the square root of <see cref="Variance"/>.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Validates the parameters of a fresh estimate.</summary>
    public static EmaMoments Start(double alpha, int warmup)
    {
        if (!(alpha > 0 && alpha < 1))
            throw new RampArgumentException(nameof(alpha), alpha, "ema: alpha must be in (0, 1)");
        if (warmup < 1)
            throw new RampArgumentException(nameof(warmup), warmup, "ema: warmup must be at least 1");
        return new EmaMoments(alpha, warmup);
    }

    /// <summary>The estimate after observing <paramref name="x"/>; unchanged when <paramref name="x"/> is not finite.</summary>
    public EmaMoments Observe(double x)
    {
        if (!double.IsFinite(x)) return this;
        if (Seen < Warmup)
        {
            var sum = WarmupSum + x;
            var squares = WarmupSquares + x * x;
            var seen = Seen + 1;
            if (seen < Warmup) return this with { Seen = seen, WarmupSum = sum, WarmupSquares = squares };
            var mean = sum / seen;
            var variance = Math.Max(0, squares / seen - mean * mean);
            return this with { Seen = seen, WarmupSum = sum, WarmupSquares = squares, Mean = mean, Variance = variance };
        }
        var m = Alpha * Mean + (1 - Alpha) * x;
        var v = Alpha * Variance + (1 - Alpha) * (x - m) * (x - m);
        return this with { Seen = Seen + 1, Mean = m, Variance = v };
    }

    /// <summary>The z-score of <paramref name="x"/>: <c>(x - mean) / std</c>; NaN before warm-up, 0 when std is 0 and x = mean.</summary>
    public double ZScore(double x)
    {
        if (!Ready) return double.NaN;
        var std = StandardDeviation;
        if (std == 0) return x == Mean ? 0 : (x > Mean ? double.PositiveInfinity : double.NegativeInfinity);
        return (x - Mean) / std;
    }
}
