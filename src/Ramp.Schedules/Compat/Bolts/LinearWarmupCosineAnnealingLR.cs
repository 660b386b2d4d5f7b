using Ramp.Schedules.Compat.Torch;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Bolts;

/// <summary>
/// Lightning-Bolts <c>LinearWarmupCosineAnnealingLR(optimizer, warmup_epochs, max_epochs, warmup_start_lr=0.0,
/// eta_min=0.0)</c>: with W = warmup_epochs and M = max_epochs, for t &lt; W
/// <c>lr = warmup_start_lr + t·(base − warmup_start_lr) / max(1, W − 1)</c> (the warmup reaches the base rate at
/// t = W − 1, one step before the cosine starts), and from t = W on
/// <c>lr = eta_min + ½(base − eta_min)(1 + cos(π(t − W)/(M − W)))</c>, which keeps rising and falling past M as the
/// peer's chainable form does.
/// </summary>
/// <param name="WarmupEpochs">W, at least 0.</param>
/// <param name="MaxEpochs">M, greater than W.</param>
/// <param name="WarmupStartLr">The rate at t = 0 (<c>warmup_start_lr</c>); finite, default 0.</param>
/// <param name="EtaMin">The floor of the cosine (<c>eta_min</c>); finite, default 0.</param>
[PeerCall("bolts", "LinearWarmupCosineAnnealingLR", "pl_bolts.optimizers.lr_scheduler", "pl_bolts.optimizers",
    TakesOptimizer = true)]
public sealed record LinearWarmupCosineAnnealingLR(long WarmupEpochs, long MaxEpochs, double WarmupStartLr = 0.0, double EtaMin = 0.0)
    : TorchScheduleSpec
{
    private const string Who = "LinearWarmupCosineAnnealingLR";

    /// <summary>W, at least 0.</summary>
    public long WarmupEpochs { get; } = Check.AtLeast(WarmupEpochs, 0, nameof(WarmupEpochs), Who);

    /// <summary>M, greater than W.</summary>
    public long MaxEpochs { get; } = Check.AtLeast(MaxEpochs, WarmupEpochs + 1, nameof(MaxEpochs), Who);

    /// <summary>The rate at t = 0; finite.</summary>
    public double WarmupStartLr { get; } = Check.Finite(WarmupStartLr, nameof(WarmupStartLr), Who);

    /// <summary>The floor of the cosine; finite.</summary>
    public double EtaMin { get; } = Check.Finite(EtaMin, nameof(EtaMin), Who);

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch) => epoch < WarmupEpochs
        ? WarmupStartLr + epoch * (baseLr - WarmupStartLr) / Math.Max(1, WarmupEpochs - 1)
        : EtaMin + 0.5 * (baseLr - EtaMin) * (1 + Math.Cos(Math.PI * (epoch - WarmupEpochs) / (MaxEpochs - WarmupEpochs)));
}
