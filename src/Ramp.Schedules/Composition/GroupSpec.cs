using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Composition;

/// <summary>
/// A factor schedule bound with per-group base rates and scales, and with the momentum of a one-cycle or cyclic
/// schedule: <c>lr_g(t) = base_g * scale_g * Factor.ValueAt(t)</c>, where <c>base_g</c> is <see cref="Base"/>[g] when
/// given, else the optimizer group's own rate, and <c>scale_g</c> is <see cref="Scale"/>[g] when given, else 1.
/// Text <c>per_group(cosine(1000), scale=[1, 0.1], base=[...])</c>; a bare one-cycle or cyclic text also parses to it.
/// </summary>
/// <param name="Factor">The factor schedule shared by every group.</param>
/// <param name="Scale">Per-group multipliers (e.g. layer-wise decay), each at least 0; empty = all 1.</param>
/// <param name="Base">Per-group base rates replacing the optimizer's, each at least 0; empty = the optimizer's.</param>
public sealed record GroupSpec(Schedule Factor, EquatableArray<double> Scale = default, EquatableArray<double> Base = default)
    : ScheduleSpec
{
    internal const string Name = "per_group";

    /// <summary>The factor schedule shared by every group.</summary>
    public Schedule Factor { get; } = Check.NotNull(Factor, nameof(Factor), Name);

    /// <summary>Per-group multipliers; empty means 1 for every group.</summary>
    public EquatableArray<double> Scale { get; } = Check.NonNegative(Scale, 0, nameof(Scale), Name);

    /// <summary>Per-group base rates; empty means the optimizer's own.</summary>
    public EquatableArray<double> Base { get; } = Check.NonNegative(Base, 0, nameof(Base), Name);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <see cref="Scale"/> or <see cref="Base"/> does not have one value per group.</exception>
    public override ScheduleSet Bind(IReadOnlyList<double> baseLrs)
    {
        ArgumentNullException.ThrowIfNull(baseLrs);
        var groups = baseLrs.Count;
        Require(Scale, "scale", groups);
        Require(Base, "base", groups);
        var lr = new Schedule[groups];
        for (var g = 0; g < groups; g++)
        {
            var rate = (Base.Count > 0 ? Base[g] : baseLrs[g]) * (Scale.Count > 0 ? Scale[g] : 1.0);
            lr[g] = new Scaled(rate, Factor);
        }
        EquatableArray<Schedule>? momentum = null;
        if (Factor is ICyclesMomentum { CycleMomentum: true })
            momentum = Enumerable.Repeat<Schedule>(new MomentumSchedule(Factor), groups).ToArray();
        return new ScheduleSet(lr, momentum);
    }

    private static void Require(EquatableArray<double> values, string name, int groups)
    {
        if (values.Count > 0 && values.Count != groups)
            throw ScheduleArgumentException.For(
                $"per_group: {name} must hold one value per parameter group ({groups}) but held {values.Count}", name);
    }

    /// <summary>The native text, e.g. <c>per_group(cosine(1000), scale=[1, 0.1])</c>.</summary>
    public override string ToString() => NativeText.Print(this);
}
