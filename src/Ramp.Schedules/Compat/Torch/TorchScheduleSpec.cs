using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Torch;

/// <summary>
/// A <c>torch.optim.lr_scheduler</c> scheduler as a closed form: the learning rate of a group at the scheduler's
/// epoch <c>t</c> (0 after construction, +1 per <c>scheduler.step()</c>) computed from the group's base learning
/// rate and <c>t</c> alone, so any step can be evaluated (and resumed) directly.
/// </summary>
/// <remarks>Binding gives one <see cref="TorchCurve"/> per group (and one <see cref="TorchMomentumCurve"/> per group
/// when <see cref="CyclesMomentum"/>).</remarks>
public abstract record TorchScheduleSpec : ScheduleSpec
{
    /// <summary>The learning rate of group <paramref name="group"/> at epoch <paramref name="epoch"/> (at least 0).</summary>
    /// <param name="group">Zero-based parameter-group index (for per-group lists).</param>
    /// <param name="baseLr">The group's <c>initial_lr</c>.</param>
    /// <param name="epoch">The scheduler's epoch counter, at least 0.</param>
    public abstract double LrAt(int group, double baseLr, long epoch);

    /// <summary>Whether the scheduler also drives momentum (or Adam's beta1).</summary>
    public virtual bool CyclesMomentum => false;

    /// <summary>
    /// The momentum of group <paramref name="group"/> at <paramref name="epoch"/>; only meaningful when <see cref="CyclesMomentum"/>.
    /// </summary>
    public virtual double MomentumAt(int group, long epoch) =>
        throw new InvalidOperationException($"{GetType().Name} does not schedule momentum");

    /// <summary>
    /// Whether PyTorch's chainable step of this scheduler is a pure multiplication of the current learning rate,
    /// so that <see cref="ChainedScheduler"/> can compose it as a product of factors <c>LrAt(g, 1, t)</c>.
    /// </summary>
    public virtual bool IsMultiplicative => false;

    /// <summary>The PyTorch call that builds this scheduler.</summary>
    public sealed override string ToString() => PeerBinder.Print(this);

    /// <summary>Checks per-group lists against the number of groups.</summary>
    /// <exception cref="ArgumentException">A per-group list has neither one value nor one per group.</exception>
    public virtual void CheckGroups(int groups)
    {
    }

    /// <inheritdoc />
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        CheckGroups(baseLrs.Count);
        var lr = baseLrs.Select((b, g) => (Schedule)new TorchCurve(this, g, b)).ToArray();
        var momentum = CyclesMomentum
            ? new EquatableArray<Schedule>(baseLrs.Select((_, g) => (Schedule)new TorchMomentumCurve(this, g)))
            : (EquatableArray<Schedule>?)null;
        return new ScheduleSet(lr, momentum);
    }

    /// <summary>The value of a per-group list for <paramref name="group"/>: one value serves every group.</summary>
    protected static double PerGroup(EquatableArray<double> values, int group) =>
        values.Count == 1 ? values[0] : values[group];

    /// <summary>Checks that a per-group list holds one value or one per group.</summary>
    protected void CheckList(EquatableArray<double> values, string name, int groups)
    {
        if (values.Count != 1 && values.Count != groups)
        {
            throw ScheduleArgumentException.For(
                $"{GetType().Name}: expected {groups} values in {name} (one per parameter group) but got {values.Count}", name);
        }
    }
}
