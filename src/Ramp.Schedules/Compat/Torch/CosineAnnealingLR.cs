using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>CosineAnnealingLR(optimizer, T_max, eta_min=0.0)</c>:
/// <c>lr(t) = eta_min + (base - eta_min) * (1 + cos(pi * t / T_max)) / 2</c>.
/// </summary>
/// <remarks>
/// As in PyTorch, the rate is not held at <c>eta_min</c> after <c>T_max</c>: it follows the cosine on, rising back to
/// <c>base</c> at <c>t = 2 T_max</c> (a period of <c>2 T_max</c>). Stop training at <c>T_max</c> or use a schedule that
/// clamps if that is not wanted.
/// </remarks>
/// <param name="TMax">Half-period in epochs (<c>T_max</c>), at least 1.</param>
/// <param name="EtaMin">Minimum learning rate (<c>eta_min</c>), absolute; default 0.</param>
[PeerCall("torch", "CosineAnnealingLR", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record CosineAnnealingLR([PyName("T_max")] long TMax, double EtaMin = 0.0) : TorchScheduleSpec
{
    /// <summary>Half-period in epochs, at least 1.</summary>
    public long TMax { get; } = TorchCheck.Positive(TMax, nameof(TMax), "CosineAnnealingLR", "T_max");

    /// <summary>Minimum learning rate (absolute); finite.</summary>
    public double EtaMin { get; } = TorchCheck.Finite(EtaMin, nameof(EtaMin), "CosineAnnealingLR", "eta_min");

    /// <summary>
    /// Multiplicative in a chain only with <c>eta_min = 0</c>, and then only up to <c>T_max</c>: past it PyTorch's
    /// recursion restarts from an additive step, which a product of factors does not reproduce.
    /// </summary>
    public override bool IsMultiplicative => EtaMin == 0;

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch) =>
        EtaMin + (baseLr - EtaMin) * (1 + Math.Cos(Math.PI * (epoch % (2 * TMax)) / TMax)) / 2;
}
