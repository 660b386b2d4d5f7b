using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>
/// DeepSpeed <c>OneCycle</c>: one triangle then an inverse-time decay. With b = t + 1 (t = last_batch_iteration),
/// total = first + second, ratio = first/total, x = 1 + b/total − ⌊1 + b/total⌋, scale = x/ratio when x ≤ ratio,
/// else (x − 1)/(ratio − 1) (with stairs: ⌊position·count⌋/count from the integer offset in the cycle).
/// While t &lt; total: lr = min + (max − min)·scale and β1 = max_mom − (max_mom − min_mom)·scale. After it, with
/// d = t − total + 1: lr = min / (1 + decay_lr_rate·d/decay_step_size) and β1 = max_mom·(1 + decay_mom_rate·d/decay_step_size)
/// (held at min and max_mom when the step size or rate is 0).
/// </summary>
/// <remarks>
/// At construction lr = cycle_min_lr and β1 = cycle_min_mom (the first step() moves β1 to about cycle_max_mom).
/// DeepSpeed writes <c>betas = (β1, 0.99)</c>, forcing β2 = 0.99 (<see cref="Beta2"/>), and only cycles momentum
/// for optimizers with betas; post-cycle β1 grows and can exceed 1.
/// </remarks>
/// <param name="CycleMinLr">Low end of the cycle, for every group.</param>
/// <param name="CycleMaxLr">High end of the cycle, for every group.</param>
/// <param name="DecayLrRate">Post-cycle decay rate; default 0.</param>
/// <param name="CycleFirstStepSize">Rising half, positive; default 2000.</param>
/// <param name="CycleSecondStepSize">Falling half, at least 0; null (default) means the rising half.</param>
/// <param name="CycleFirstStairCount">Stairs in the rising half (0: continuous); default 0.</param>
/// <param name="CycleSecondStairCount">Stairs in the falling half; null (default) means the first count.</param>
/// <param name="DecayStepSize">Post-cycle decay interval (0: no decay); default 0.</param>
/// <param name="CycleMomentum">Whether β1 is cycled; default true.</param>
/// <param name="CycleMinMom">Low end of β1; default 0.8.</param>
/// <param name="CycleMaxMom">High end of β1; default 0.9.</param>
/// <param name="DecayMomRate">Post-cycle β1 growth rate; default 0.</param>
[PeerCall("deepspeed", "OneCycle", PythonSpecBuilder.DeepSpeedModule, TakesOptimizer = true)]
public sealed record DeepSpeedOneCycle(
    double CycleMinLr, double CycleMaxLr, double DecayLrRate = 0.0, long CycleFirstStepSize = 2000, long? CycleSecondStepSize = null,
    long CycleFirstStairCount = 0, long? CycleSecondStairCount = null, long DecayStepSize = 0, bool CycleMomentum = true,
    double CycleMinMom = 0.8, double CycleMaxMom = 0.9, double DecayMomRate = 0.0) : DeepSpeedSpec
{
    /// <summary>Low end of the cycle, for every group.</summary>
    public double CycleMinLr { get; } = Check.Finite(CycleMinLr, nameof(CycleMinLr), "OneCycle");

    /// <summary>High end of the cycle, for every group.</summary>
    public double CycleMaxLr { get; } = Check.Finite(CycleMaxLr, nameof(CycleMaxLr), "OneCycle");

    /// <summary>Post-cycle decay rate; default 0.</summary>
    public double DecayLrRate { get; } = Check.Finite(DecayLrRate, nameof(DecayLrRate), "OneCycle");

    /// <summary>Stairs in the rising half (0: continuous); default 0.</summary>
    public long CycleFirstStairCount { get; } = CycleFirstStairCount;

    /// <summary>Stairs in the falling half; null (default) means the first count.</summary>
    public long? CycleSecondStairCount { get; } = CycleSecondStairCount;

    /// <summary>Post-cycle decay interval (0: no decay); default 0.</summary>
    public long DecayStepSize { get; } = DecayStepSize;

    /// <summary>Low end of β1; default 0.8.</summary>
    public double CycleMinMom { get; } = Check.Finite(CycleMinMom, nameof(CycleMinMom), "OneCycle");

    /// <summary>High end of β1; default 0.9.</summary>
    public double CycleMaxMom { get; } = Check.Finite(CycleMaxMom, nameof(CycleMaxMom), "OneCycle");

    /// <summary>Post-cycle β1 growth rate; default 0.</summary>
    public double DecayMomRate { get; } = Check.Finite(DecayMomRate, nameof(DecayMomRate), "OneCycle");

    /// <summary>The β2 DeepSpeed writes next to the cycled β1.</summary>
    public const double Beta2 = 0.99;

    /// <summary>Rising half, positive.</summary>
    public long CycleFirstStepSize { get; } = CycleFirstStepSize > 0
        ? CycleFirstStepSize
        : throw new ScheduleArgumentException(nameof(CycleFirstStepSize), CycleFirstStepSize,
            $"OneCycle: cycle_first_step_size must be > 0 but was {CycleFirstStepSize}");

    /// <summary>Falling half as given, at least 0.</summary>
    public long? CycleSecondStepSize { get; } = CycleSecondStepSize is null or >= 0
        ? CycleSecondStepSize
        : throw new ScheduleArgumentException(nameof(CycleSecondStepSize), CycleSecondStepSize,
            $"OneCycle: cycle_second_step_size must be >= 0 but was {CycleSecondStepSize}");

    private double First => CycleFirstStepSize;

    private double Second => CycleSecondStepSize ?? CycleFirstStepSize;

    private double Total => First + Second;

    /// <inheritdoc />
    public override bool CyclesMomentum => CycleMomentum;

    /// <summary>The cycle's scale factor at <paramref name="lastBatchIteration"/>.</summary>
    public double ScaleAt(long lastBatchIteration)
    {
        double batch = lastBatchIteration + 1, total = Total, ratio = First / total;
        var cycle = Math.Floor(1 + batch / total);
        var x = 1.0 + batch / total - cycle;
        double scale;
        long stairs;
        if (x <= ratio)
        {
            scale = x / ratio;
            stairs = CycleFirstStairCount;
        }
        else
        {
            scale = (x - 1) / (ratio - 1);
            stairs = CycleSecondStairCount ?? CycleFirstStairCount;
        }
        if (stairs > 0)
        {
            var offset = batch % total;
            var position = offset <= First ? offset * stairs / First : (total - offset) * stairs / Second;
            scale = Math.Floor(position) / stairs;
        }
        return scale;
    }

    /// <inheritdoc />
    public override double LrAt(IReadOnlyList<double> baseLrs, int group, long lastBatchIteration)
    {
        if (lastBatchIteration < 0) return CycleMinLr;
        if (lastBatchIteration < Total) return CycleMinLr + (CycleMaxLr - CycleMinLr) * ScaleAt(lastBatchIteration);
        if (DecayStepSize == 0 || DecayLrRate == 0) return CycleMinLr;
        var interval = (double)(lastBatchIteration - Total + 1) / DecayStepSize;
        return CycleMinLr / (1 + DecayLrRate * interval);
    }

    /// <inheritdoc />
    public override double? MomentumAt(long lastBatchIteration)
    {
        if (!CycleMomentum) return null;
        if (lastBatchIteration < 0) return CycleMinMom;
        if (lastBatchIteration < Total) return CycleMaxMom - (CycleMaxMom - CycleMinMom) * ScaleAt(lastBatchIteration);
        if (DecayStepSize == 0 || DecayMomRate == 0) return CycleMaxMom;
        var interval = (double)(lastBatchIteration - Total + 1) / DecayStepSize;
        return CycleMaxMom * (1 + DecayMomRate * interval);
    }
}
