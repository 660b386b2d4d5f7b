using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>CosineAnnealingWarmRestarts(optimizer, T_0, T_mult=1, eta_min=0.0)</c> (SGDR):
/// <c>lr(t) = eta_min + (base - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2</c>, where cycle <c>i</c> lasts
/// <c>T_i = T_0 * T_mult^i</c> epochs and <c>T_cur</c> counts epochs since the last restart.
/// </summary>
/// <remarks>As in PyTorch, <c>eta_min</c> itself is never reached: <c>T_cur &lt; T_i</c> always.</remarks>
/// <param name="T0">Length of the first cycle (<c>T_0</c>), at least 1.</param>
/// <param name="TMult">Growth of each cycle (<c>T_mult</c>), at least 1; default 1.</param>
/// <param name="EtaMin">Minimum learning rate (<c>eta_min</c>), absolute; default 0.</param>
[PeerCall("torch", "CosineAnnealingWarmRestarts", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record CosineAnnealingWarmRestarts([PyName("T_0")] long T0, [PyName("T_mult")] long TMult = 1, double EtaMin = 0.0)
    : TorchScheduleSpec
{
    /// <summary>Length of the first cycle, at least 1.</summary>
    public long T0 { get; } = TorchCheck.Positive(T0, nameof(T0), "CosineAnnealingWarmRestarts", "T_0");

    /// <summary>Growth of each cycle, at least 1.</summary>
    public long TMult { get; } = TorchCheck.Positive(TMult, nameof(TMult), "CosineAnnealingWarmRestarts", "T_mult");

    /// <summary>Minimum learning rate (absolute); finite.</summary>
    public double EtaMin { get; } = TorchCheck.Finite(EtaMin, nameof(EtaMin), "CosineAnnealingWarmRestarts", "eta_min");

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch)
    {
        var (current, length) = Position(epoch);
        return EtaMin + (baseLr - EtaMin) * (1 + Math.Cos(Math.PI * current / length)) / 2;
    }

    /// <summary>Epochs since the last restart and the length of the current cycle, at <paramref name="epoch"/>.</summary>
    public (long Current, long Length) Position(long epoch)
    {
        if (TMult == 1) return (epoch % T0, T0);
        long start = 0, length = T0;
        // At most 63 iterations: each cycle is at least twice as long as the one before.
        while (epoch - start >= length && length <= long.MaxValue / TMult)
        {
            start += length;
            length *= TMult;
        }
        return (epoch - start, length);
    }
}
