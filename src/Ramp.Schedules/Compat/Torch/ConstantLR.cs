using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>ConstantLR(optimizer, factor=1/3, total_iters=5)</c>:
/// <c>lr(t) = base * factor</c> for <c>t &lt; total_iters</c>, then <c>base</c>.
/// </summary>
/// <param name="Factor">Multiplier while held (<c>factor</c>), in (0, 1]; default 1/3.</param>
/// <param name="TotalIters">Epochs the factor is held (<c>total_iters</c>), at least 0; default 5.</param>
[PeerCall("torch", "ConstantLR", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record ConstantLR(double Factor = 1.0 / 3.0, long TotalIters = 5) : TorchScheduleSpec
{
    /// <summary>Multiplier while held, in (0, 1] (PyTorch accepts 0 but then divides by it at <c>total_iters</c>).</summary>
    public double Factor { get; } = Factor > 0 && Factor <= 1
        ? Factor
        : throw new ScheduleArgumentException(nameof(Factor), Factor, $"ConstantLR: factor must be in (0, 1] but was {Factor}");

    /// <summary>Epochs the factor is held, at least 0.</summary>
    public long TotalIters { get; } = TorchCheck.NotNegative(TotalIters, nameof(TotalIters), "ConstantLR", "total_iters");

    /// <inheritdoc />
    public override bool IsMultiplicative => true;

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch) =>
        baseLr * (epoch >= TotalIters ? 1.0 : Factor);
}
