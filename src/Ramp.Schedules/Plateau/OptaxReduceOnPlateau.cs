using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Plateau;

/// <summary>
/// optax <c>contrib.reduce_on_plateau(factor=0.1, patience=10, rtol=1e-4, atol=0.0, cooldown=0, accumulation_size=1,
/// min_scale=0.0)</c>: the base rate times the scale of <see cref="OptaxPlateauRule"/>, which reduces on the
/// patience-th bad evaluation of the averaged metric (min mode only).
/// </summary>
/// <param name="Factor">Multiplier per reduction (<c>factor</c>), in (0, 1); default 0.1.</param>
/// <param name="Patience">Bad evaluations before a reduction (<c>patience</c>), at least 1; default 10.</param>
/// <param name="Rtol">Relative tolerance (<c>rtol</c>), in [0, 1]; default 1e-4.</param>
/// <param name="Atol">Absolute tolerance (<c>atol</c>), at least 0; default 0.</param>
/// <param name="Cooldown">Evaluations after a reduction (<c>cooldown</c>), at least 0; default 0.</param>
/// <param name="AccumulationSize">Metrics averaged per evaluation (<c>accumulation_size</c>), at least 1; default 1.</param>
/// <param name="MinScale">Lower bound on the scale (<c>min_scale</c>); default 0.</param>
[PeerCall("optax", "reduce_on_plateau", "optax.contrib")]
public sealed record OptaxReduceOnPlateau(
    double Factor = 0.1,
    long Patience = 10,
    double Rtol = 1e-4,
    double Atol = 0.0,
    long Cooldown = 0,
    long AccumulationSize = 1,
    double MinScale = 0.0) : ScheduleSpec
{
    /// <summary>Bad evaluations before a reduction (<c>patience</c>), at least 1; default 10.</summary>
    public long Patience { get; } = Patience;

    /// <summary>Evaluations after a reduction (<c>cooldown</c>), at least 0; default 0.</summary>
    public long Cooldown { get; } = Cooldown;

    /// <summary>Lower bound on the scale (<c>min_scale</c>); default 0.</summary>
    public double MinScale { get; } = Check.Finite(MinScale, nameof(MinScale), "reduce_on_plateau");

    /// <summary>Multiplier per reduction, in (0, 1).</summary>
    public double Factor { get; } = Factor is > 0 and < 1
        ? Factor
        : throw new ScheduleArgumentException(nameof(Factor), Factor, $"reduce_on_plateau: factor must be in (0, 1) but was {Factor}");

    /// <summary>Relative tolerance, in [0, 1]; rtol and atol are not both 0.</summary>
    public double Rtol { get; } = Rtol is >= 0 and <= 1 && (Rtol > 0 || Atol > 0)
        ? Rtol
        : throw new ScheduleArgumentException(nameof(Rtol), Rtol,
            $"reduce_on_plateau: rtol must be in [0, 1] and rtol, atol not both 0, but rtol was {Rtol} and atol {Atol}");

    /// <summary>Absolute tolerance, at least 0.</summary>
    public double Atol { get; } = Atol >= 0
        ? Atol
        : throw new ScheduleArgumentException(nameof(Atol), Atol, $"reduce_on_plateau: atol must be at least 0 but was {Atol}");

    /// <summary>Metrics averaged per evaluation, at least 1.</summary>
    public long AccumulationSize { get; } = AccumulationSize >= 1
        ? AccumulationSize
        : throw new ScheduleArgumentException(nameof(AccumulationSize), AccumulationSize,
            $"reduce_on_plateau: accumulation_size must be at least 1 but was {AccumulationSize}");

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        return new ScheduleSet(baseLrs.Select(b => (Schedule)new BaseRate(b)).ToArray(),
            Plateau: new OptaxPlateauRule(Factor, Patience, Rtol, Atol, Cooldown, AccumulationSize, MinScale));
    }

    /// <summary>The Python call that builds this schedule.</summary>
    public override string ToString() => PeerBinder.Print(this);
}
