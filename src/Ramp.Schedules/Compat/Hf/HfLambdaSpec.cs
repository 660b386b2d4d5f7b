using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// A transformers <c>get_*_schedule*</c> helper: a <c>LambdaLR</c> whose factor λ(t) multiplies each group's base
/// learning rate, <c>lr_g(t) = base_g * λ(t)</c>. As in transformers, λ(0) is the factor of the very first optimizer
/// update (0 for every helper that warms up from zero).
/// </summary>
public abstract record HfLambdaSpec : ScheduleSpec
{
    /// <summary>The factor λ at <paramref name="step"/> (negative steps count as 0).</summary>
    public abstract double Lambda(long step);

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        var factor = new HfFactor(Resolve(baseLrs));
        return new ScheduleSet(baseLrs.Select(b => (Schedule)new Scaled(b, factor)).ToArray());
    }

    /// <summary>
    /// The spec with everything that transformers reads from the optimizer filled in (<c>optimizer.defaults["lr"]</c>,
    /// taken as the first group's base learning rate); this spec itself by default.
    /// </summary>
    protected virtual HfLambdaSpec Resolve(IReadOnlyList<double> baseLrs) => this;

    /// <summary>The transformers call that builds this schedule.</summary>
    public sealed override string ToString() => PeerBinder.Print(this);

    /// <summary>transformers' linear warmup factor <c>t / max(1, W)</c>.</summary>
    protected static double Warmup(long step, long warmupSteps) => (double)step / Math.Max(1, warmupSteps);

    /// <summary>Throws when a step count is negative.</summary>
    protected static long NonNegative(long value, string name, string who) =>
        value >= 0 ? value : throw new ScheduleArgumentException(name, value, $"{who}: {Names.Snake(name)} must be >= 0 but was {value}");

    /// <summary>
    /// transformers' rule for the cosine-with-min-lr helpers: exactly one of <c>min_lr</c> (absolute) and
    /// <c>min_lr_rate</c> is given; returns <paramref name="minLr"/>.
    /// </summary>
    protected static double? ExactlyOneFloor(double? minLr, double? minLrRate, string who) =>
        (minLr is null) != (minLrRate is null)
            ? minLr
            : throw ScheduleArgumentException.For(minLr is null
                ? $"{who}: one of min_lr or min_lr_rate must be set"
                : $"{who}: only one of min_lr or min_lr_rate may be set", "MinLr");

    /// <summary>The first group's base learning rate, which stands for <c>optimizer.defaults["lr"]</c>.</summary>
    protected static double DefaultLr(IReadOnlyList<double> baseLrs) =>
        baseLrs.Count > 0 ? baseLrs[0] : throw ScheduleArgumentException.For("at least one parameter group is needed", nameof(baseLrs));
}
