using System.Globalization;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>
/// A DeepSpeed scheduler (<c>deepspeed.runtime.lr_schedules</c>). DeepSpeed counts <c>last_batch_iteration</c>
/// from −1 at construction and the engine steps the scheduler after every applied optimizer step, so the rate of
/// the (t+1)-th update is the construction value for t = 0 and the value at last_batch_iteration = t − 1 after it.
/// </summary>
public abstract record DeepSpeedSpec : ScheduleSpec
{
    /// <summary>The Python call that builds this schedule.</summary>
    public sealed override string ToString() => PeerBinder.Print(this);

    /// <summary>
    /// The learning rate of <paramref name="group"/> when <c>last_batch_iteration</c> is <paramref name="lastBatchIteration"/> (−1:
    /// construction).
    /// </summary>
    public abstract double LrAt(IReadOnlyList<double> baseLrs, int group, long lastBatchIteration);

    /// <summary>
    /// β1 (written to the group's <c>betas</c>) at <paramref name="lastBatchIteration"/>, or null when the scheduler does not cycle
    /// momentum.
    /// </summary>
    public virtual double? MomentumAt(long lastBatchIteration) => null;

    /// <summary>Whether <see cref="MomentumAt"/> gives values.</summary>
    public virtual bool CyclesMomentum => false;

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        CheckGroups(baseLrs.Count);
        EquatableArray<double> bases = baseLrs.ToArray();
        var lr = Enumerable.Range(0, baseLrs.Count).Select(g => (Schedule)new DeepSpeedCurve(this, bases, g, false)).ToArray();
        var momentum = CyclesMomentum
            ? Enumerable.Range(0, baseLrs.Count).Select(g => (Schedule)new DeepSpeedCurve(this, bases, g, true)).ToArray()
            : null;
        return new ScheduleSet(lr, momentum is null ? null : (EquatableArray<Schedule>?)new EquatableArray<Schedule>(momentum));
    }

    /// <summary>Throws when a per-group list does not match <paramref name="groups"/>.</summary>
    protected virtual void CheckGroups(int groups)
    {
    }

    /// <summary>A per-group list's value for <paramref name="group"/> (one value is broadcast).</summary>
    protected static double PerGroup(EquatableArray<double> values, int group) => values.Count == 1 ? values[0] : values[group];

    /// <summary>Throws unless <paramref name="values"/> holds one value or one per group.</summary>
    protected static void CheckList(EquatableArray<double> values, int groups, string name, string who)
    {
        if (values.Count != 1 && values.Count != groups)
        {
            throw ScheduleArgumentException.For($"{who}: expected {groups} value(s) for {name}, got {values.Count}", "baseLrs");
        }
    }

    /// <summary>Throws unless the list holds at least one value.</summary>
    protected static EquatableArray<double> NotEmpty(EquatableArray<double> values, string name, string who) => values.Count > 0
        ? values
        : throw ScheduleArgumentException.For($"{who}: {name} must hold at least one value", name);

    /// <summary>DeepSpeed's warmup γ for last_batch_iteration &lt; W (W already raised to at least 2).</summary>
    protected static double WarmupGamma(DeepSpeedWarmupType type, long warmupNumSteps, long lastBatchIteration) =>
        type == DeepSpeedWarmupType.Log
            ? 1.0 / Math.Log(warmupNumSteps) * Math.Log(lastBatchIteration + 1)
            : (double)lastBatchIteration / warmupNumSteps;

    /// <summary>Python spelling of a number or per-group list.</summary>
    protected static string Num(EquatableArray<double> values) =>
        values.Count == 1 ? Num(values[0]) : "[" + string.Join(", ", values.Select(Num)) + "]";

    /// <summary>Python spelling of a number.</summary>
    protected static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Python spelling of a warmup type.</summary>
    protected static string TypeText(DeepSpeedWarmupType type) => type == DeepSpeedWarmupType.Log ? "'log'" : "'linear'";
}
