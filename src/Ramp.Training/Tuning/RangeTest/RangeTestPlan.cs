using Ramp.Schedules;
namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// The plan of an LR range test (Smith's "LR range test", fastai's <c>lr_find</c>): train for
/// <see cref="Iterations"/> mini-batches while the learning rate rises exponentially from
/// <see cref="StartLr"/> to <see cref="EndLr"/>, and record the loss at each learning rate.
/// </summary>
/// <remarks>
/// Ramp's ramp hits both ends: iteration <c>i</c> (zero-based) uses
/// <c>StartLr * (EndLr / StartLr)^(i / (Iterations - 1))</c>, so the first iteration trains at
/// <see cref="StartLr"/> and the last at <see cref="EndLr"/> (fastai's own ramp stops one step short of its end).
/// Defaults are fastai's: 1e-7 to 10 over 100 iterations, smoothing beta 0.98, stop when the smoothed loss
/// exceeds 4 times the best smoothed loss.
/// </remarks>
/// <param name="StartLr">Learning rate of the first iteration; finite, &gt; 0. Default 1e-7.</param>
/// <param name="EndLr">Learning rate of the last iteration; finite, &gt; <paramref name="StartLr"/>. Default 10.</param>
/// <param name="Iterations">Number of iterations (optimizer steps); at least 2. Default 100.</param>
/// <param name="SmoothingBeta">EMA coefficient of the loss smoother, in [0, 1). Default 0.98.</param>
/// <param name="DivergenceFactor">Stop when the smoothed loss exceeds this multiple of the best smoothed loss; &gt; 1. Default 4.</param>
public sealed record RangeTestPlan(
    double StartLr = 1e-6,
    double EndLr = 10,
    int Iterations = 200,
    double SmoothingBeta = 0.9,
    double DivergenceFactor = 4)
{
    /// <summary>Learning rate of the first iteration.</summary>
    public double StartLr { get; } = StartLr > 0 && double.IsFinite(StartLr)
        ? StartLr
        : throw new RampArgumentException(nameof(StartLr), StartLr,
            $"range test: start lr must be finite and > 0 but was {StartLr}");

    /// <summary>Learning rate of the last iteration.</summary>
    public double EndLr { get; } = EndLr > StartLr && double.IsFinite(EndLr)
        ? EndLr
        : throw new RampArgumentException(nameof(EndLr), EndLr,
            $"range test: end lr must be finite and > start lr ({StartLr}) but was {EndLr}");

    /// <summary>Number of iterations.</summary>
    public int Iterations { get; } = Iterations >= 2
        ? Iterations
        : throw new RampArgumentException(nameof(Iterations), Iterations,
            $"range test: iterations must be >= 2 but was {Iterations}");

    /// <summary>EMA coefficient of the loss smoother.</summary>
    public double SmoothingBeta { get; } = SmoothingBeta is >= 0 and < 1
        ? SmoothingBeta
        : throw new RampArgumentException(nameof(SmoothingBeta), SmoothingBeta,
            $"range test: smoothing beta must be in [0, 1) but was {SmoothingBeta}");

    /// <summary>Multiple of the best smoothed loss that counts as divergence.</summary>
    public double DivergenceFactor { get; } = DivergenceFactor > 1 && double.IsFinite(DivergenceFactor)
        ? DivergenceFactor
        : throw new RampArgumentException(nameof(DivergenceFactor), DivergenceFactor,
            $"range test: divergence factor must be finite and > 1 but was {DivergenceFactor}");

    /// <summary>Per-iteration growth ratio of the ramp: <c>(EndLr / StartLr)^(1 / (Iterations - 1))</c>.</summary>
    public double GrowthPerIteration => Math.Pow(EndLr / StartLr, 1.0 / (Iterations - 1));

    /// <summary>
    /// The learning rate of iteration <paramref name="iteration"/> (zero-based, in [0, Iterations)):
    /// <c>StartLr * (EndLr / StartLr)^(iteration / (Iterations - 1))</c>.
    /// </summary>
    public double LrAt(int iteration)
    {
        if (iteration < 0 || iteration >= Iterations)
            throw new RampArgumentException(nameof(iteration), iteration,
                $"range test: iteration must be in [0, {Iterations}) but was {iteration}");
        if (iteration == Iterations - 1) return EndLr;
        return StartLr * Math.Exp(Math.Log(EndLr / StartLr) * iteration / (Iterations - 1));
    }
}
