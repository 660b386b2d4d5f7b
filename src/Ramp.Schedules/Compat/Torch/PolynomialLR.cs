using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>PolynomialLR(optimizer, total_iters=5, power=1.0)</c>:
/// <c>lr(t) = base * (1 - min(t, T) / T)^power</c>; 0 from <c>t = T</c> on.
/// </summary>
/// <param name="TotalIters">Epochs until the rate reaches 0 (<c>total_iters</c>), at least 1; default 5.</param>
/// <param name="Power">Exponent (<c>power</c>), finite; default 1.</param>
[PeerCall("torch", "PolynomialLR", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record PolynomialLR(long TotalIters = 5, double Power = 1.0) : TorchScheduleSpec
{
    /// <summary>Epochs until the rate reaches 0, at least 1.</summary>
    public long TotalIters { get; } = TorchCheck.Positive(TotalIters, nameof(TotalIters), "PolynomialLR", "total_iters");

    /// <summary>Exponent; finite.</summary>
    public double Power { get; } = TorchCheck.Finite(Power, nameof(Power), "PolynomialLR", "power");

    /// <inheritdoc />
    public override bool IsMultiplicative => true;

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch) =>
        baseLr * Math.Pow(1.0 - (double)Math.Min(epoch, TotalIters) / TotalIters, Power);
}
