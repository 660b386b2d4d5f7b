using Ramp.Schedules.Composition;
using Ramp.Schedules.Text;

namespace Ramp.Training.Studies.Halving;

/// <summary>
/// Where an arm's rungs are. The first is at <c>max(min_steps, W)</c>, W the step at which the arm's schedule first
/// reaches its peak (the end of its warmup; 0 without one), so no cell is judged while it is still warming up;
/// rung k is at <c>first * eta^k</c>, for every such step before the run's end. Arms are only compared within
/// themselves, so an arm with a long warmup is never pruned for it. An automatic warmup (<c>auto(...)</c>) ends
/// when its controller says so, which is not known in advance: its arm's first rung is <c>min_steps</c>.
/// </summary>
public static class HalvingLadder
{
    /// <summary>The rung steps of <paramref name="cell"/>'s arm, ascending, all below <see cref="StudyCell.Steps"/>; empty when even the
    /// first is not.</summary>
    public static IReadOnlyList<long> Rungs(StudyCell cell, HalvingOptions options)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
        var rungs = new List<long>();
        for (var step = Math.Max(options.MinSteps, WarmupEnd(cell.Arm.Schedule, cell.Steps)); step < cell.Steps; step *= options.Eta)
            rungs.Add(step);
        return rungs;
    }

    /// <summary>The first step at which <paramref name="schedule"/> (schedule text) reaches its largest factor within <paramref
    /// name="steps"/>; 0 for <c>auto(...)</c>.</summary>
    public static long WarmupEnd(string schedule, long steps)
    {
        var spec = ScheduleText.Parse(schedule);
        if (spec is AutoWarmupSpec) return 0;
        var set = spec.Bind([1.0]);
        var (best, at) = (double.NegativeInfinity, 0L);
        for (var t = 0L; t < steps; t++)
        {
            var v = set.LrAt(0, t);
            if (v > best * (1 + 1e-12) || t == 0) (best, at) = (v, t);
        }
        return at;
    }
}
