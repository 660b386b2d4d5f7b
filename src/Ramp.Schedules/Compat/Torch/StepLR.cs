using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>StepLR(optimizer, step_size, gamma=0.1)</c>: <c>lr(t) = base * gamma^floor(t / step_size)</c>,
/// so the first decay is at <c>t = step_size</c>.
/// </summary>
/// <param name="StepSize">Epochs between decays (<c>step_size</c>), at least 1.</param>
/// <param name="Gamma">Multiplier per decay (<c>gamma</c>), default 0.1.</param>
[PeerCall("torch", "StepLR", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record StepLR(long StepSize, double Gamma = 0.1) : TorchScheduleSpec
{
    /// <summary>Epochs between decays, at least 1.</summary>
    public long StepSize { get; } = TorchCheck.Positive(StepSize, nameof(StepSize), "StepLR", "step_size");

    /// <summary>Multiplier per decay; finite.</summary>
    public double Gamma { get; } = TorchCheck.Finite(Gamma, nameof(Gamma), "StepLR", "gamma");

    /// <inheritdoc />
    public override bool IsMultiplicative => true;

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch) => baseLr * Math.Pow(Gamma, epoch / StepSize);
}
