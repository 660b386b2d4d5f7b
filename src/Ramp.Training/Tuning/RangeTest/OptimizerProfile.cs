using Ramp.Schedules;
namespace Ramp.Training.Tuning.RangeTest;

/// <summary>
/// What the warmup recommender needs to know about the optimizer: its family and the numbers that set an
/// untuned warmup length.
/// </summary>
/// <param name="Name">Display name, e.g. <c>sgd</c>, <c>adamw</c>.</param>
/// <param name="Beta2">Adam's second-moment coefficient in [0, 1) for the Adam family; null for others.</param>
/// <param name="StepsPerEpoch">Optimizer steps per epoch (&gt;= 1) when known; null otherwise.</param>
public sealed record OptimizerProfile(string Name, double? Beta2 = null, int? StepsPerEpoch = null)
{
    /// <summary>Display name.</summary>
    public string Name { get; } = !string.IsNullOrWhiteSpace(Name)
        ? Name
        : throw RampArgumentException.For("optimizer profile: name must not be empty", nameof(Name));

    /// <summary>Adam's beta2, or null.</summary>
    public double? Beta2 { get; } = Beta2 is null or (>= 0 and < 1)
        ? Beta2
        : throw new RampArgumentException(nameof(Beta2), Beta2, $"optimizer profile: beta2 must be in [0, 1) but was {Beta2}");

    /// <summary>Optimizer steps per epoch, or null.</summary>
    public int? StepsPerEpoch { get; } = StepsPerEpoch is null or >= 1
        ? StepsPerEpoch
        : throw new RampArgumentException(nameof(StepsPerEpoch), StepsPerEpoch,
            $"optimizer profile: steps per epoch must be >= 1 but was {StepsPerEpoch}");

    /// <summary>True for the Adam family (a beta2 is given).</summary>
    public bool IsAdamFamily => Beta2 is not null;

    /// <summary>
    /// The untuned warmup length: for the Adam family Ma &amp; Yarats' <c>2 / (1 - beta2)</c> steps (2000 at 0.999,
    /// 100 at 0.98, 40 at 0.95); otherwise one epoch when <see cref="StepsPerEpoch"/> is known (the notes' untuned
    /// SGD arm, after Goyal et al.); otherwise null.
    /// </summary>
    public int? UntunedWarmupSteps => Beta2 is { } b
        ? (int)Math.Min(int.MaxValue, Math.Ceiling(2 / (1 - b) - 1e-9))
        : StepsPerEpoch;

    /// <summary>SGD (with or without momentum).</summary>
    public static OptimizerProfile Sgd(int? stepsPerEpoch = null) => new("sgd", null, stepsPerEpoch);

    /// <summary>Adam or AdamW with the given <paramref name="beta2"/> (default 0.999).</summary>
    public static OptimizerProfile Adam(double beta2 = 0.999, int? stepsPerEpoch = null) => new("adam", beta2, stepsPerEpoch);
}
