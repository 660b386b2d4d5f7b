using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>MultiStepLR(optimizer, milestones, gamma=0.1)</c>:
/// <c>lr(t) = base * gamma^(number of milestones &lt;= t)</c>. A milestone listed twice decays twice (PyTorch keeps
/// a multiset), and the order in which milestones are written does not matter.
/// </summary>
/// <param name="Milestones">Epochs at which the rate is multiplied by <paramref name="Gamma"/>; at least 0.</param>
/// <param name="Gamma">Multiplier per milestone (<c>gamma</c>), default 0.1.</param>
[PeerCall("torch", "MultiStepLR", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record MultiStepLR(EquatableArray<long> Milestones, double Gamma = 0.1) : TorchScheduleSpec
{
    /// <summary>Milestones sorted ascending, duplicates kept.</summary>
    public EquatableArray<long> Milestones { get; } = Milestones.All(m => m >= 0)
        ? Milestones.Order().ToArray()
        : throw new ScheduleArgumentException(nameof(Milestones), Milestones,
            $"MultiStepLR: milestones must be at least 0 but were {Milestones}");

    /// <summary>Multiplier per milestone; finite.</summary>
    public double Gamma { get; } = TorchCheck.Finite(Gamma, nameof(Gamma), "MultiStepLR", "gamma");

    /// <inheritdoc />
    public override bool IsMultiplicative => true;

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch)
    {
        var passed = 0;
        foreach (var milestone in Milestones.AsSpan())
        {
            if (milestone > epoch) break;
            passed++;
        }
        return baseLr * Math.Pow(Gamma, passed);
    }
}
