namespace Ramp.Training.Studies;

/// <summary>An expanded grid: its cells in order, and notes on arms that were left out (with the reason).</summary>
/// <param name="Cells">Every cell of every grid, <see cref="StudyCell.Index"/> = position here.</param>
/// <param name="Notes">One line per skipped optional arm.</param>
public sealed record GridPlan(IReadOnlyList<StudyCell> Cells, IReadOnlyList<string> Notes)
{
    /// <summary>The cells of <paramref name="shard"/>.</summary>
    public IReadOnlyList<StudyCell> For(Shard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return Cells.Where(c => shard.Contains(c.Index)).ToArray();
    }
}
