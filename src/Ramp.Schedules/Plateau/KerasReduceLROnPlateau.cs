using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Plateau;

/// <summary>
/// Keras <c>keras.callbacks.ReduceLROnPlateau(monitor='val_loss', factor=0.1, patience=10, mode='auto',
/// min_delta=1e-4, cooldown=0, min_lr=0.0)</c>: the base rate reduced by <see cref="KerasPlateauRule"/>, which fires on
/// the patience-th bad epoch (one earlier than PyTorch) and takes <c>min_delta</c> as an absolute change.
/// </summary>
/// <param name="Mode">Min or max; Keras' 'auto' means max when the monitored name contains "acc", else min.</param>
/// <param name="Factor">Multiplier per reduction (<c>factor</c>), in [0, 1); default 0.1.</param>
/// <param name="Patience">Bad epochs before a reduction (<c>patience</c>), at least 0; default 10.</param>
/// <param name="MinDelta">Minimum absolute improvement (<c>min_delta</c>); default 1e-4.</param>
/// <param name="Cooldown">Epochs after a reduction without counting (<c>cooldown</c>), at least 0; default 0.</param>
/// <param name="MinLr">Lower bound on the rate (<c>min_lr</c>); default 0.</param>
[PeerCall("keras", "ReduceLROnPlateau", "keras.callbacks", "tf.keras.callbacks", "tensorflow.keras.callbacks",
    Signature = "monitor, factor, patience, verbose, mode, min_delta, cooldown, min_lr")]
public sealed record KerasReduceLROnPlateau(
    [PyConverter(typeof(KerasPlateauMode))] PlateauMode Mode = PlateauMode.Min,
    double Factor = 0.1,
    long Patience = 10,
    double MinDelta = 1e-4,
    long Cooldown = 0,
    double MinLr = 0.0) : ScheduleSpec
{
    /// <summary>Min or max; Keras' 'auto' means max when the monitored name contains "acc", else min.</summary>
    public PlateauMode Mode { get; } = Check.Defined(Mode, nameof(Mode), "ReduceLROnPlateau");

    /// <summary>Minimum absolute improvement (<c>min_delta</c>); default 1e-4.</summary>
    public double MinDelta { get; } = Check.Finite(MinDelta, nameof(MinDelta), "ReduceLROnPlateau");

    /// <summary>Lower bound on the rate (<c>min_lr</c>); default 0.</summary>
    public double MinLr { get; } = Check.Finite(MinLr, nameof(MinLr), "ReduceLROnPlateau");

    /// <summary>Multiplier per reduction, in [0, 1).</summary>
    public double Factor { get; } = Factor is >= 0 and < 1
        ? Factor
        : throw new ScheduleArgumentException(nameof(Factor), Factor, $"ReduceLROnPlateau: factor must be in [0, 1) but was {Factor}");

    /// <summary>Bad epochs before a reduction, at least 0.</summary>
    public long Patience { get; } = Patience >= 0
        ? Patience
        : throw new ScheduleArgumentException(nameof(Patience), Patience,
            $"ReduceLROnPlateau: patience must be at least 0 but was {Patience}");

    /// <summary>Epochs after a reduction without counting, at least 0.</summary>
    public long Cooldown { get; } = Cooldown >= 0
        ? Cooldown
        : throw new ScheduleArgumentException(nameof(Cooldown), Cooldown,
            $"ReduceLROnPlateau: cooldown must be at least 0 but was {Cooldown}");

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        return new ScheduleSet(baseLrs.Select(b => (Schedule)new BaseRate(b)).ToArray(),
            Plateau: new KerasPlateauRule(baseLrs.ToArray(), Mode, Factor, Patience, Math.Abs(MinDelta), Cooldown, MinLr));
    }

    /// <summary>The Python call that builds this schedule.</summary>
    public override string ToString() => PeerBinder.Print(this);
}
