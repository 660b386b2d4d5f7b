namespace Ramp.Training.Diagnosis;

/// <summary>Thresholds of the diagnosis rules.</summary>
/// <param name="Classes">Number of classes (vocabulary size for language models): a loss stuck near ln(Classes) is chance level.</param>
/// <param name="TotalSteps">Planned optimizer steps, used for "early" and for the stuck-loss rule.</param>
/// <param name="SpikeSigmas">z-score of the gradient norm against its recent window that counts as a spike (default 6); the norm must also
/// exceed <see cref="GrowthFactor"/> times the window mean.</param>
/// <param name="Window">Window of recent steps for the spike and growth rules (default 50).</param>
/// <param name="GrowthFactor">Growth of the gradient norm over <see cref="Window"/> steps, rising in most steps, that counts as sustained
/// growth (default 10).</param>
/// <param name="VanishingRatio">A layer whose gradient norm falls below this fraction of its own peak has vanishing gradients (default
/// 1e-3).</param>
/// <param name="StuckTolerance">A loss within this many nats of ln(Classes) is at chance level (default 0.05).</param>
/// <param name="DeadReluFraction">Fraction of units that never fire on a batch above which a layer is called dead (default 0.5).</param>
public sealed record DiagnosisOptions(
    int Classes,
    long TotalSteps,
    double SpikeSigmas = 6,
    int Window = 50,
    double GrowthFactor = 10,
    double VanishingRatio = 1e-3,
    double StuckTolerance = 0.05,
    double DeadReluFraction = 0.5)
{
    /// <summary>Steps before which a problem counts as "early" (the first 10% of the run): warmup is the first remedy there.</summary>
    public long EarlySteps => Math.Max(1, TotalSteps / 10);

    /// <summary>Step from which a loss still at chance level counts as stuck (25% of the run, at least 20 steps).</summary>
    public long StuckFrom => Math.Max(20, TotalSteps / 4);
}
