using Ramp.Schedules.Plateau;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// PyTorch <c>ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=1e-4, threshold_mode='rel',
/// cooldown=0, min_lr=0, eps=1e-8)</c>: the base rate, multiplied down by <see cref="TorchPlateauRule"/> as metrics
/// are observed. The reduction fires on the (patience+1)-th consecutive bad epoch.
/// </summary>
/// <param name="Mode">Whether lower or higher metrics are better (<c>mode</c>); default min.</param>
/// <param name="Factor">Multiplier per reduction (<c>factor</c>), in [0, 1); default 0.1.</param>
/// <param name="Patience">Bad epochs tolerated (<c>patience</c>), at least 0; default 10.</param>
/// <param name="Threshold">Minimum significant change (<c>threshold</c>), at least 0; default 1e-4.</param>
/// <param name="ThresholdMode">Relative or absolute threshold (<c>threshold_mode</c>); default rel.</param>
/// <param name="Cooldown">Epochs after a reduction that are not counted (<c>cooldown</c>), at least 0; default 0.</param>
/// <param name="MinLr">Lower bound, one value or one per group (<c>min_lr</c>); null means 0.</param>
/// <param name="Eps">Reductions smaller than this are skipped (<c>eps</c>); default 1e-8.</param>
[PeerCall("torch", "ReduceLROnPlateau", TorchCatalog.Module, TakesOptimizer = true)]
public sealed record ReduceLROnPlateau(
    PlateauMode Mode = PlateauMode.Min,
    double Factor = 0.1,
    long Patience = 10,
    double Threshold = 1e-4,
    ThresholdMode ThresholdMode = ThresholdMode.Rel,
    long Cooldown = 0,
    EquatableArray<double>? MinLr = null,
    double Eps = 1e-8) : TorchScheduleSpec
{
    /// <summary>Whether lower or higher metrics are better (<c>mode</c>); default min.</summary>
    public PlateauMode Mode { get; } = Check.Defined(Mode, nameof(Mode), "ReduceLROnPlateau");

    /// <summary>Relative or absolute threshold (<c>threshold_mode</c>); default rel.</summary>
    public ThresholdMode ThresholdMode { get; } = Check.Defined(ThresholdMode, nameof(ThresholdMode), "ReduceLROnPlateau");

    /// <summary>Lower bound, one value or one per group (<c>min_lr</c>); null means 0.</summary>
    public EquatableArray<double>? MinLr { get; } = MinLr is { } vMinLr ? Check.FiniteList(vMinLr, nameof(MinLr), "ReduceLROnPlateau")
        : (EquatableArray<double>?)null;

    /// <summary>Reductions smaller than this are skipped (<c>eps</c>); default 1e-8.</summary>
    public double Eps { get; } = Check.Finite(Eps, nameof(Eps), "ReduceLROnPlateau");

    /// <summary>Multiplier per reduction, in [0, 1).</summary>
    public double Factor { get; } = Factor is >= 0 and < 1
        ? Factor
        : throw new ScheduleArgumentException(nameof(Factor), Factor, $"ReduceLROnPlateau: factor must be in [0, 1) but was {Factor}");

    /// <summary>Bad epochs tolerated, at least 0.</summary>
    public long Patience { get; } = TorchCheck.NotNegative(Patience, nameof(Patience), "ReduceLROnPlateau", "patience");

    /// <summary>Minimum significant change, at least 0.</summary>
    public double Threshold { get; } = Threshold >= 0 && double.IsFinite(Threshold)
        ? Threshold
        : throw new ScheduleArgumentException(nameof(Threshold), Threshold,
            $"ReduceLROnPlateau: threshold must be at least 0 but was {Threshold}");

    /// <summary>Epochs after a reduction that are not counted, at least 0.</summary>
    public long Cooldown { get; } = TorchCheck.NotNegative(Cooldown, nameof(Cooldown), "ReduceLROnPlateau", "cooldown");

    /// <summary>Lower bound, one value or one per group.</summary>
    public EquatableArray<double> MinLrValues { get; } = MinLr ?? new[] { 0.0 };

    /// <inheritdoc />
    public override void CheckGroups(int groups) => CheckList(MinLrValues, "min_lr", groups);

    /// <inheritdoc />
    public override double LrAt(int group, double baseLr, long epoch) => baseLr;

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs) => base.Bind(baseLrs) with { Plateau = Rule(baseLrs, 0) };

    /// <summary>The plateau rule for groups with these base rates, ignoring the first <paramref name="skip"/> observations.</summary>
    public TorchPlateauRule Rule(IReadOnlyList<double> baseLrs, long skip)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        CheckGroups(baseLrs.Count);
        return new TorchPlateauRule(baseLrs.ToArray(), Mode, Factor, Patience, Threshold, ThresholdMode, Cooldown, MinLrValues, Eps, skip);
    }
}
