using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>
/// A timm scheduler (<c>timm.scheduler.*LRScheduler</c>). timm is stateless: the caller passes the counter t
/// (the epoch to <c>step(t)</c>, or the update count to <c>step_update(t)</c> when <c>t_in_epochs=False</c>), and
/// <c>ValueAt(t)</c> of a bound group is the learning rate after that call, noise included. Every class warms up
/// linearly the same way: for t &lt; warmup_t, lr = warmup_lr_init + t·(target − warmup_lr_init)/warmup_t.
/// </summary>
public abstract record TimmSpec : ScheduleSpec
{
    /// <summary>The learning rate of a group whose base (<c>initial_lr</c>) is <paramref name="baseLr"/> after <c>step(t)</c>.</summary>
    public double LrAt(double baseLr, long t)
    {
        var lr = CurveAt(baseLr, Math.Max(0, t));
        return NoiseSpec is { } noise ? noise.Apply(lr, Math.Max(0, t)) : lr;
    }

    /// <summary>The timm call that builds this scheduler.</summary>
    public sealed override string ToString() => PeerBinder.Print(this);

    /// <summary>The noise setting, or null for none.</summary>
    protected abstract TimmNoise? NoiseSpec { get; }

    /// <summary>timm's <c>_get_lr(t)</c> for one group, before noise.</summary>
    protected abstract double CurveAt(double baseLr, long t);

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        return new ScheduleSet(baseLrs.Select(b => (Schedule)new TimmGroupLr(this, b)).ToArray());
    }

    /// <summary>The common linear warmup: <c>warmup_lr_init + t·(target − warmup_lr_init)/warmup_t</c>.</summary>
    protected static double Warmup(double warmupLrInit, double target, long warmupT, long t) =>
        warmupLrInit + t * ((target - warmupLrInit) / warmupT);

    /// <summary>Throws unless <paramref name="value"/> is at least 0.</summary>
    protected static T NotNegative<T>(T value, string name, string who) where T : struct, IComparable<T> =>
        value.CompareTo(default) >= 0 ? value : throw new ScheduleArgumentException(name, value,
            $"{who}: {PyText(name)} must be >= 0 but was {value}");

    /// <summary>Throws unless <paramref name="value"/> is positive.</summary>
    protected static T Positive<T>(T value, string name, string who) where T : struct, IComparable<T> =>
        value.CompareTo(default) > 0 ? value : throw new ScheduleArgumentException(name, value,
            $"{who}: {PyText(name)} must be > 0 but was {value}");

    /// <summary>Python spelling of a value or parameter in <see cref="object.ToString"/> and messages.</summary>
    protected static string PyText(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        string s when s.Length > 0 && char.IsUpper(s[0]) => Names.Snake(s),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
