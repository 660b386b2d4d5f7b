using Ramp.Schedules;
using Ramp.Schedules.Text;
using Ramp.Training.Optimizers;

namespace Ramp.Training.Studies;

/// <summary>
/// Expands grids into cells: for each grid, each peak, each seed, each arm (in that order, so consecutive cells,
/// and hence the shards, mix arms and peaks). Fills each arm's placeholders, checks that its schedule parses, and
/// leaves out optional arms whose schedule this build cannot read, with a note.
/// </summary>
public static class GridExpansion
{
    /// <summary>Expands <paramref name="grids"/>; <paramref name="trainCount"/> gives each grid's number of training examples.</summary>
    /// <exception cref="ArgumentException">
    /// A grid's length, peaks, seeds or arms are invalid, or a (non-optional) arm's schedule does not parse; the
    /// message names the case study and the arm.
    /// </exception>
    public static GridPlan Expand(IEnumerable<StudyGrid> grids, Func<StudyGrid, long> trainCount)
    {
        ArgumentNullException.ThrowIfNull(grids);
        ArgumentNullException.ThrowIfNull(trainCount);
        var cells = new List<StudyCell>();
        var notes = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grid in grids)
        {
            if (!names.Add(grid.CaseStudy)) throw RampArgumentException.For($"case study '{grid.CaseStudy}' appears twice", nameof(grids));
            var (steps, epoch) = Length(grid, trainCount(grid));
            var arms = Arms(grid, steps, epoch, notes);
            foreach (var peak in grid.Peaks)
                foreach (var seed in grid.Seeds)
                    foreach (var arm in arms)
                        cells.Add(new StudyCell(grid, arm, peak, seed, steps, cells.Count));
        }
        return new GridPlan(cells, notes);
    }

    /// <summary>The run length and the steps per epoch of <paramref name="grid"/> with <paramref name="count"/> training
    /// examples.</summary>
    public static (long Steps, long Epoch) Length(StudyGrid grid, long count)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var who = grid.CaseStudy;
        if (grid.Batch < 1) throw RampArgumentException.For($"{who}: batch must be at least 1 but was {grid.Batch}", nameof(grid));
        if (count < grid.Batch) throw RampArgumentException.For($"{who}: batch {grid.Batch} is larger than the {count} training " +
            "examples", nameof(grid));
        var epoch = count / grid.Batch;
        if ((grid.Steps is null) == (grid.Epochs is null)) throw RampArgumentException.For($"{who}: give exactly one of steps or " +
            "epochs", nameof(grid));
        var steps = grid.Steps ?? (long)Math.Floor(grid.Epochs!.Value * epoch);
        if (steps < 1) throw RampArgumentException.For($"{who}: the run must have at least 1 step but has {steps}", nameof(grid));
        if (grid.Peaks.Count == 0 || grid.Peaks.Any(p => !(p > 0) || double.IsInfinity(p)))
            throw RampArgumentException.For($"{who}: peaks must be a non-empty list of finite numbers > 0", nameof(grid));
        if (grid.Peaks.Distinct().Count() != grid.Peaks.Count)
            throw RampArgumentException.For($"{who}: a peak is listed twice", nameof(grid));
        if (grid.Seeds.Count == 0 || grid.Seeds.Distinct().Count() != grid.Seeds.Count)
            throw RampArgumentException.For($"{who}: seeds must be a non-empty list without repeats", nameof(grid));
        return (steps, epoch);
    }

    private static List<StudyArm> Arms(StudyGrid grid, long steps, long epoch, List<string> notes)
    {
        if (grid.Arms.Count == 0) throw RampArgumentException.For($"{grid.CaseStudy}: the grid has no arm", nameof(grid));
        var arms = new List<StudyArm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in grid.Arms)
        {
            var where = $"{grid.CaseStudy}, arm '{template.Name}'";
            StudyArm arm;
            try
            {
                arm = template with
                {
                    Name = ScheduleTemplate.Expand(template.Name, steps, epoch),
                    Schedule = ScheduleTemplate.Expand(template.Schedule, steps, epoch),
                };
            }
            catch (FormatException e)
            {
                throw new RampArgumentException($"{where}: {e.Message}", e);
            }
            if (!seen.Add(arm.Name)) throw RampArgumentException.For($"{grid.CaseStudy}: two arms are named '{arm.Name}'", nameof(grid));
            if (arm.Optimizer is { } o && !OptimizerSettings.Names.Contains(o))
                throw RampArgumentException.For($"{where}: unknown optimizer '{o}' " +
                    $"(use {string.Join(", ", OptimizerSettings.Names)})", nameof(grid));
            var optimizer = arm.Optimizer ?? grid.Optimizer.Name;
            if (arm.GradientInit && !OptimizerFactory.GradientInitNames.Contains(optimizer))
                throw RampArgumentException.For($"{where}: gi (GI-Adam) applies to adam and adamw, not '{optimizer}'", nameof(grid));
            if (!(arm.LrScale > 0) || double.IsInfinity(arm.LrScale))
                throw RampArgumentException.For($"{where}: lr_scale must be a finite number > 0 but was {arm.LrScale}", nameof(grid));
            if (arm.Guards?.FirstOrDefault(g => !StudyArm.GuardNames.Contains(g)) is { } bad)
                throw RampArgumentException.For($"{where}: unknown guard '{bad}' (use {string.Join(", ", StudyArm.GuardNames)})",
                    nameof(grid));
            if (Unreadable(arm.Schedule) is not { } error) { arms.Add(arm); continue; }
            if (!arm.Optional) throw RampArgumentException.For($"{where}: schedule \"{arm.Schedule}\" {error}", nameof(grid));
            notes.Add($"{grid.CaseStudy}: arm '{arm.Name}' skipped: this build cannot read \"{arm.Schedule}\" ({error})");
        }
        return arms;
    }

    private static string? Unreadable(string schedule)
    {
        try
        {
            ScheduleText.Parse(schedule);
            return null;
        }
        catch (Exception e) when (e is SpecException or ArgumentException)
        {
            return e.Message;
        }
    }
}
