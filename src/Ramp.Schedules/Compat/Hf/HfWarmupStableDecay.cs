using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_wsd_schedule</c> (SchedulerType <c>"warmup_stable_decay"</c>), with m = MinLrRatio:
/// warmup t &lt; W: p = t / max(1, W), λ = max(0, shape(p)·(1 − m) + m); stable W ≤ t &lt; W + S: 1;
/// decay W + S ≤ t &lt; W + S + D: p = (t − W − S) / max(1, D), λ = max(0, shape(p)·(1 − m) + m); after it: m.
/// Step 0 gets m.
/// </summary>
/// <param name="NumWarmupSteps">W, at least 0.</param>
/// <param name="NumDecaySteps">D, at least 0.</param>
/// <param name="NumTrainingSteps">T; S defaults to T − W − D. Ignored when <paramref name="NumStableSteps"/> is given (as in
/// transformers).</param>
/// <param name="NumStableSteps">S, at least 0; one of this and <paramref name="NumTrainingSteps"/> is required.</param>
/// <param name="WarmupType">Shape of the warmup; default linear.</param>
/// <param name="DecayType">Shape of the decay; default cosine.</param>
/// <param name="MinLrRatio">m, the factor at step 0 and after the decay; default 0.</param>
/// <param name="NumCycles">Cosine waves over the decay; default 0.5.</param>
[PeerCall("hf", "get_wsd_schedule", "transformers", "transformers.optimization", TakesOptimizer = true)]
public sealed record HfWarmupStableDecay([PyConverter(typeof(HfWarmupSteps))] long NumWarmupSteps, long NumDecaySteps,
    long? NumTrainingSteps = null, long? NumStableSteps = null,
    HfWsdShape WarmupType = HfWsdShape.Linear, HfWsdShape DecayType = HfWsdShape.Cosine, double MinLrRatio = 0,
    double NumCycles = 0.5) : HfLambdaSpec
{
    /// <summary>T; S defaults to T − W − D. Ignored when <see cref="NumStableSteps"/> is given (as in transformers).</summary>
    public long? NumTrainingSteps { get; } = NumTrainingSteps;

    /// <summary>S, at least 0; one of this and <see cref="NumTrainingSteps"/> is required.</summary>
    public long? NumStableSteps { get; } = NumStableSteps;

    /// <summary>Shape of the warmup; default linear.</summary>
    public HfWsdShape WarmupType { get; } = Check.Defined(WarmupType, nameof(WarmupType), Who);

    /// <summary>Shape of the decay; default cosine.</summary>
    public HfWsdShape DecayType { get; } = Check.Defined(DecayType, nameof(DecayType), Who);

    /// <summary>m, the factor at step 0 and after the decay; default 0.</summary>
    public double MinLrRatio { get; } = Check.Finite(MinLrRatio, nameof(MinLrRatio), Who);

    /// <summary>Cosine waves over the decay; default 0.5.</summary>
    public double NumCycles { get; } = Check.Finite(NumCycles, nameof(NumCycles), Who);

    private const string Who = "get_wsd_schedule";

    /// <summary>W, at least 0.</summary>
    public long NumWarmupSteps { get; } = NonNegative(NumWarmupSteps, nameof(NumWarmupSteps), Who);

    /// <summary>D, at least 0.</summary>
    public long NumDecaySteps { get; } = NonNegative(NumDecaySteps, nameof(NumDecaySteps), Who);

    /// <summary>S, given or derived as T − W − D; at least 0.</summary>
    public long StableSteps { get; } = NumStableSteps is { } s
        ? NonNegative(s, nameof(NumStableSteps), Who)
        : NumTrainingSteps is { } total
            ? total - NumWarmupSteps - NumDecaySteps >= 0
                ? total - NumWarmupSteps - NumDecaySteps
                : throw new ScheduleArgumentException(nameof(NumTrainingSteps), total,
                    $"{Who}: num_training_steps must be at least num_warmup_steps + num_decay_steps = "
                    + $"{NumWarmupSteps + NumDecaySteps} but was {total}")
            : throw ScheduleArgumentException.For($"{Who}: either num_training_steps or num_stable_steps must be specified",
                nameof(NumTrainingSteps));

    /// <inheritdoc />
    public override double Lambda(long step)
    {
        if (step < NumWarmupSteps)
        {
            var p = (double)step / Math.Max(1, NumWarmupSteps);
            var factor = WarmupType switch
            {
                HfWsdShape.Linear => p,
                HfWsdShape.Cosine => 0.5 * (1.0 - Math.Cos(Math.PI * p)),
                _ => 1.0 - Math.Sqrt(1.0 - p),
            };
            return Math.Max(0.0, factor * (1.0 - MinLrRatio) + MinLrRatio);
        }
        if (step < NumWarmupSteps + StableSteps) return 1.0;
        if (step < NumWarmupSteps + StableSteps + NumDecaySteps)
        {
            var p = (double)(step - NumWarmupSteps - StableSteps) / Math.Max(1, NumDecaySteps);
            var factor = DecayType switch
            {
                HfWsdShape.Linear => 1.0 - p,
                HfWsdShape.Cosine => 0.5 * (1.0 + Math.Cos(Math.PI * NumCycles * 2.0 * p)),
                _ => 1.0 - Math.Sqrt(p),
            };
            return Math.Max(0.0, factor * (1.0 - MinLrRatio) + MinLrRatio);
        }
        return MinLrRatio;
    }
}
