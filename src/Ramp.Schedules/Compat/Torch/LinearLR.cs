using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5)</c>:
/// <c>lr(t) = base * (s + (e - s) * min(t, T) / T)</c>, reaching <c>base * e</c> at <c>t = T</c>.
/// </summary>
/// <param name="StartFactor">Factor at epoch 0 (<c>start_factor</c>), in (0, 1]; default 1/3.</param>
/// <param name="EndFactor">Factor from epoch T on (<c>end_factor</c>), in [0, 1]; default 1.</param>
/// <param name="TotalIters">Epochs of the ramp (<c>total_iters</c>), at least 1; default 5.</param>
[PeerCall("torch", "LinearLR", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record LinearLR(double StartFactor = 1.0 / 3.0, double EndFactor = 1.0, long TotalIters = 5) : TorchScheduleSpec
{
    /// <summary>Factor at epoch 0, in (0, 1].</summary>
    public double StartFactor { get; } = StartFactor > 0 && StartFactor <= 1
        ? StartFactor
        : throw new ScheduleArgumentException(nameof(StartFactor), StartFactor,
            $"LinearLR: start_factor must be in (0, 1] but was {StartFactor}");

    /// <summary>Factor from epoch T on, in [0, 1].</summary>
    public double EndFactor { get; } = TorchCheck.InRange(EndFactor, 0, 1, nameof(EndFactor), "LinearLR", "end_factor");

    /// <summary>Epochs of the ramp, at least 1.</summary>
    public long TotalIters { get; } = TorchCheck.Positive(TotalIters, nameof(TotalIters), "LinearLR", "total_iters");

    /// <inheritdoc />
    public override bool IsMultiplicative => true;

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch) =>
        baseLr * (StartFactor + (EndFactor - StartFactor) * Math.Min(epoch, TotalIters) / TotalIters);
}
