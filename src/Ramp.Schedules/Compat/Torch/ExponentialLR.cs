using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>PyTorch <c>ExponentialLR(optimizer, gamma)</c>: <c>lr(t) = base * gamma^t</c>.</summary>
/// <param name="Gamma">Multiplier per epoch (<c>gamma</c>); finite.</param>
[PeerCall("torch", "ExponentialLR", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record ExponentialLR(double Gamma) : TorchScheduleSpec
{
    /// <summary>Multiplier per epoch; finite.</summary>
    public double Gamma { get; } = TorchCheck.Finite(Gamma, nameof(Gamma), "ExponentialLR", "gamma");

    /// <inheritdoc />
    public override bool IsMultiplicative => true;

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch) => baseLr * Math.Pow(Gamma, epoch);
}
