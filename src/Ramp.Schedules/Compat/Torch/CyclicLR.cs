using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>CyclicLR(optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode='triangular',
/// gamma=1.0, cycle_momentum=True, base_momentum=0.8, max_momentum=0.9)</c>, counting iterations t.
/// </summary>
/// <remarks>
/// With <c>total = up + down</c>: <c>cycle = floor(1 + t / total)</c>, <c>x = 1 + t / total - cycle</c>,
/// <c>scale = x / (up / total)</c> while rising, else <c>(x - 1) / (up / total - 1)</c>;
/// <c>lr = base_lr + (max_lr - base_lr) * scale * f</c> and, inversely,
/// <c>momentum = max_momentum - (max_momentum - base_momentum) * scale * f</c>, where <c>f = 1</c> (triangular),
/// <c>1 / 2^(cycle - 1)</c> (triangular2) or <c>gamma^t</c> (exp_range). The optimizer's own rate is ignored.
/// A custom <c>scale_fn</c> is not supported.
/// </remarks>
/// <param name="BaseLr">Lower bound, one value or one per group (<c>base_lr</c>).</param>
/// <param name="MaxLr">Upper bound, one value or one per group (<c>max_lr</c>).</param>
/// <param name="StepSizeUp">Iterations rising (<c>step_size_up</c>), positive; default 2000.</param>
/// <param name="StepSizeDown">Iterations falling (<c>step_size_down</c>); null means equal to <paramref name="StepSizeUp"/>.</param>
/// <param name="Mode">Amplitude policy (<c>mode</c>); default triangular.</param>
/// <param name="Gamma">Base of the exp_range scaling (<c>gamma</c>); default 1.</param>
/// <param name="CycleMomentum">Whether momentum is cycled (<c>cycle_momentum</c>); default true.</param>
/// <param name="BaseMomentum">Lower momentum, one value or one per group; null means 0.8.</param>
/// <param name="MaxMomentum">Upper momentum, one value or one per group; null means 0.9.</param>
[PeerCall("torch", "CyclicLR", TorchCatalog.Module, TakesOptimizer = true,
    Signature = "base_lr, max_lr, step_size_up, step_size_down, mode, gamma, scale_fn, scale_mode, cycle_momentum, base_momentum, "
        + "max_momentum")]
public sealed record CyclicLR(
    EquatableArray<double> BaseLr,
    EquatableArray<double> MaxLr,
    double StepSizeUp = 2000,
    double? StepSizeDown = null,
    [PyConverter(typeof(CyclicLRMode))] CyclicMode Mode = CyclicMode.Triangular,
    double Gamma = 1.0,
    bool CycleMomentum = true,
    EquatableArray<double>? BaseMomentum = null,
    EquatableArray<double>? MaxMomentum = null) : TorchScheduleSpec
{
    /// <summary>Iterations falling (<c>step_size_down</c>); null means equal to <see cref="StepSizeUp"/>.</summary>
    public double? StepSizeDown { get; } = StepSizeDown is { } vStepSizeDown ? Check.Finite(vStepSizeDown, nameof(StepSizeDown),
        "CyclicLR") : null;

    /// <summary>Amplitude policy (<c>mode</c>); default triangular.</summary>
    public CyclicMode Mode { get; } = Check.Defined(Mode, nameof(Mode), "CyclicLR");

    /// <summary>Lower momentum, one value or one per group; null means 0.8.</summary>
    public EquatableArray<double>? BaseMomentum { get; } = BaseMomentum is { } vBaseMomentum ? Check.FiniteList(vBaseMomentum,
        nameof(BaseMomentum), "CyclicLR") : (EquatableArray<double>?)null;

    /// <summary>Upper momentum, one value or one per group; null means 0.9.</summary>
    public EquatableArray<double>? MaxMomentum { get; } = MaxMomentum is { } vMaxMomentum ? Check.FiniteList(vMaxMomentum,
        nameof(MaxMomentum), "CyclicLR") : (EquatableArray<double>?)null;

    /// <summary>Lower bound, one value or one per group.</summary>
    public EquatableArray<double> BaseLr { get; } = TorchCheck.NotEmpty(BaseLr, nameof(BaseLr), "CyclicLR", "base_lr");

    /// <summary>Upper bound, one value or one per group.</summary>
    public EquatableArray<double> MaxLr { get; } = TorchCheck.NotEmpty(MaxLr, nameof(MaxLr), "CyclicLR", "max_lr");

    /// <summary>Iterations rising; positive.</summary>
    public double StepSizeUp { get; } = TorchCheck.Positive(StepSizeUp, nameof(StepSizeUp), "CyclicLR", "step_size_up");

    /// <summary>Iterations falling; positive.</summary>
    public double StepSizeDownValue { get; } =
        TorchCheck.Positive(StepSizeDown ?? StepSizeUp, nameof(StepSizeDown), "CyclicLR", "step_size_down");

    /// <summary>Base of the exp_range scaling; finite.</summary>
    public double Gamma { get; } = TorchCheck.Finite(Gamma, nameof(Gamma), "CyclicLR", "gamma");

    /// <summary>Lower momentum, one value or one per group.</summary>
    public EquatableArray<double> BaseMomentumValues { get; } = BaseMomentum ?? new[] { 0.8 };

    /// <summary>Upper momentum, one value or one per group.</summary>
    public EquatableArray<double> MaxMomentumValues { get; } = MaxMomentum ?? new[] { 0.9 };

    /// <inheritdoc />
    public override bool CyclesMomentum => CycleMomentum;

    /// <inheritdoc />
    public override void CheckGroups(int groups)
    {
        CheckList(BaseLr, "base_lr", groups);
        CheckList(MaxLr, "max_lr", groups);
        CheckList(BaseMomentumValues, "base_momentum", groups);
        CheckList(MaxMomentumValues, "max_momentum", groups);
    }

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch)
    {
        var low = PerGroup(BaseLr, group);
        return low + (PerGroup(MaxLr, group) - low) * Scale(epoch) * Amplitude(epoch);
    }

    /// <inheritdoc />
    public override double MomentumAt(int group, long epoch)
    {
        var high = PerGroup(MaxMomentumValues, group);
        return high - (high - PerGroup(BaseMomentumValues, group)) * Scale(epoch) * Amplitude(epoch);
    }

    private double Scale(long epoch)
    {
        var total = StepSizeUp + StepSizeDownValue;
        var ratio = StepSizeUp / total;
        var cycle = Math.Floor(1 + epoch / total);
        var x = 1.0 + epoch / total - cycle;
        return x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
    }

    private double Amplitude(long epoch) => Mode switch
    {
        CyclicMode.Triangular => 1.0,
        CyclicMode.Triangular2 => 1 / Math.Pow(2.0, Math.Floor(1 + epoch / (StepSizeUp + StepSizeDownValue)) - 1),
        _ => Math.Pow(Gamma, epoch),
    };
}
