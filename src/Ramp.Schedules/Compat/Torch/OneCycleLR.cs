using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>OneCycleLR(optimizer, max_lr, total_steps, pct_start=0.3, anneal_strategy='cos', cycle_momentum=True,
/// base_momentum=0.85, max_momentum=0.95, div_factor=25.0, final_div_factor=1e4, three_phase=False)</c>.
/// </summary>
/// <remarks>
/// Per group: <c>initial = max_lr / div_factor</c>, <c>min = initial / final_div_factor</c>; the optimizer's own
/// learning rate is ignored. Phases end at <c>p = pct_start * N - 1</c> and <c>N - 1</c> (two phases:
/// initial -> max -> min) or at <c>p</c>, <c>2 pct_start N - 2</c> and <c>N - 1</c> (three phases:
/// initial -> max -> initial -> min). Within a phase from step <c>s0</c> to <c>s1</c>,
/// <c>pct = (t - s0) / (s1 - s0)</c> and the value is annealed by <see cref="Anneal"/>. Momentum moves inversely
/// (max -> base -> max, and stays at max in the third phase). Each group is computed on its own, so several groups
/// with different <c>max_lr</c> are exact. PyTorch raises after <c>total_steps</c> steps; Ramp holds the value of the
/// last step (<c>t = N - 1</c>) from then on.
/// </remarks>
/// <param name="MaxLr">Peak learning rate: one value, or one per group (<c>max_lr</c>).</param>
/// <param name="TotalSteps">Length of the cycle N (<c>total_steps</c>, or <c>epochs * steps_per_epoch</c>), at least 1.</param>
/// <param name="PctStart">Fraction of the cycle spent rising (<c>pct_start</c>), in [0, 1]; default 0.3.</param>
/// <param name="Anneal">Interpolation between phase ends (<c>anneal_strategy</c>); default cos.</param>
/// <param name="CycleMomentum">Whether momentum is cycled (<c>cycle_momentum</c>); default true.</param>
/// <param name="BaseMomentum">Lowest momentum, one value or one per group (<c>base_momentum</c>); null means 0.85.</param>
/// <param name="MaxMomentum">Highest momentum, one value or one per group (<c>max_momentum</c>); null means 0.95.</param>
/// <param name="DivFactor">initial = max_lr / div_factor (<c>div_factor</c>); default 25.</param>
/// <param name="FinalDivFactor">min = initial / final_div_factor (<c>final_div_factor</c>); default 1e4.</param>
/// <param name="ThreePhase">Whether to use the three-phase form (<c>three_phase</c>); default false.</param>
[PeerCall("torch", "OneCycleLR", TorchCatalog.Module, TakesOptimizer = true,
    Signature = "max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum, base_momentum, "
        + "max_momentum, div_factor, final_div_factor, three_phase")]
public sealed record OneCycleLR(
    EquatableArray<double> MaxLr,
    [PyConverter(typeof(OneCycleTotalSteps))] long TotalSteps,
    double PctStart = 0.3,
    [PyName("anneal_strategy")] AnnealStrategy Anneal = AnnealStrategy.Cos,
    bool CycleMomentum = true,
    EquatableArray<double>? BaseMomentum = null,
    EquatableArray<double>? MaxMomentum = null,
    double DivFactor = 25.0,
    double FinalDivFactor = 1e4,
    bool ThreePhase = false) : TorchScheduleSpec
{
    /// <summary>Interpolation between phase ends (<c>anneal_strategy</c>); default cos.</summary>
    public AnnealStrategy Anneal { get; } = Check.Defined(Anneal, nameof(Anneal), "OneCycleLR");

    /// <summary>Lowest momentum, one value or one per group (<c>base_momentum</c>); null means 0.85.</summary>
    public EquatableArray<double>? BaseMomentum { get; } = BaseMomentum is { } vBaseMomentum ? Check.FiniteList(vBaseMomentum,
        nameof(BaseMomentum), "OneCycleLR") : (EquatableArray<double>?)null;

    /// <summary>Highest momentum, one value or one per group (<c>max_momentum</c>); null means 0.95.</summary>
    public EquatableArray<double>? MaxMomentum { get; } = MaxMomentum is { } vMaxMomentum ? Check.FiniteList(vMaxMomentum,
        nameof(MaxMomentum), "OneCycleLR") : (EquatableArray<double>?)null;

    /// <summary>Peak learning rate, one value or one per group.</summary>
    public EquatableArray<double> MaxLr { get; } = TorchCheck.NotEmpty(MaxLr, nameof(MaxLr), "OneCycleLR", "max_lr");

    /// <summary>Length of the cycle, at least 1.</summary>
    public long TotalSteps { get; } = TorchCheck.Positive(TotalSteps, nameof(TotalSteps), "OneCycleLR", "total_steps");

    /// <summary>Fraction of the cycle spent rising, in [0, 1], with <c>pct_start * total_steps != 1</c>.</summary>
    public double PctStart { get; } = TorchCheck.InRange(PctStart, 0, 1, nameof(PctStart), "OneCycleLR", "pct_start") * TotalSteps == 1
        ? throw new ScheduleArgumentException(nameof(PctStart), PctStart,
            $"OneCycleLR: pct_start * total_steps must not be 1 (the first phase would be empty) but was {PctStart} * {TotalSteps}")
        : PctStart;

    /// <summary>Lowest momentum, one value or one per group.</summary>
    public EquatableArray<double> BaseMomentumValues { get; } = BaseMomentum ?? new[] { 0.85 };

    /// <summary>Highest momentum, one value or one per group.</summary>
    public EquatableArray<double> MaxMomentumValues { get; } = MaxMomentum ?? new[] { 0.95 };

    /// <summary>initial = max_lr / div_factor; positive.</summary>
    public double DivFactor { get; } = TorchCheck.Positive(DivFactor, nameof(DivFactor), "OneCycleLR", "div_factor");

    /// <summary>min = initial / final_div_factor; positive.</summary>
    public double FinalDivFactor { get; } = TorchCheck.Positive(FinalDivFactor, nameof(FinalDivFactor), "OneCycleLR", "final_div_factor");

    /// <inheritdoc />
    public override bool CyclesMomentum => CycleMomentum;

    /// <inheritdoc />
    public override void CheckGroups(int groups)
    {
        CheckList(MaxLr, "max_lr", groups);
        CheckList(BaseMomentumValues, "base_momentum", groups);
        CheckList(MaxMomentumValues, "max_momentum", groups);
    }

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch)
    {
        var max = PerGroup(MaxLr, group);
        var initial = max / DivFactor;
        var min = initial / FinalDivFactor;
        ReadOnlySpan<double> points = ThreePhase ? [initial, max, initial, min] : [initial, max, min];
        return Interpolate(points, epoch);
    }

    /// <inheritdoc />
    public override double MomentumAt(int group, long epoch)
    {
        var low = PerGroup(BaseMomentumValues, group);
        var high = PerGroup(MaxMomentumValues, group);
        ReadOnlySpan<double> points = ThreePhase ? [high, low, high, high] : [high, low, high];
        return Interpolate(points, epoch);
    }

    private double Interpolate(ReadOnlySpan<double> points, long epoch)
    {
        double step = Math.Min(epoch, TotalSteps - 1);
        ReadOnlySpan<double> ends = ThreePhase
            ? [PctStart * TotalSteps - 1, 2 * PctStart * TotalSteps - 2, TotalSteps - 1]
            : [PctStart * TotalSteps - 1, TotalSteps - 1];
        var start = 0.0;
        for (var i = 0; i < ends.Length; i++)
        {
            if (step <= ends[i] || i == ends.Length - 1)
            {
                var pct = (step - start) / (ends[i] - start);
                return Anneal == AnnealStrategy.Cos
                    ? points[i + 1] + (points[i] - points[i + 1]) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
                    : (points[i + 1] - points[i]) * pct + points[i];
            }
            start = ends[i];
        }
        throw new InvalidOperationException("unreachable: the last phase always matches");
    }
}
