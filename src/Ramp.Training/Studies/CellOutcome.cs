using Ramp.Runs;

namespace Ramp.Training.Studies;

/// <summary>The result of one cell.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Action">What was done.</param>
/// <param name="Folder">Its run folder.</param>
/// <param name="Status">The run's status (<c>finished</c>, <c>diverged</c>), or <c>error</c>.</param>
/// <param name="Diverged">Whether the trainer judged the run diverged.</param>
/// <param name="FinalLoss">Final training loss (NaN when unknown).</param>
/// <param name="Seconds">Wall seconds spent here (0 when skipped).</param>
/// <param name="Error">The failure's message, or null.</param>
public sealed record CellOutcome(StudyCell Cell, CellAction Action, string Folder, string Status, bool Diverged, double FinalLoss,
    double Seconds, string? Error = null)
{
    /// <summary>How many times the cell was trained (more than 1 after a libtorch failure was retried).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Steps the run has done (below its length when it is paused at a rung or diverged).</summary>
    public long Steps { get; init; }

    /// <summary>An outcome built from a run summary.</summary>
    public static CellOutcome From(StudyCell cell, CellAction action, string folder, RunSummary summary, double seconds)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new CellOutcome(cell, action, folder, RunJson.Name(summary.Status), summary.Diverged, summary.Final.Loss,
            seconds)
        { Steps = summary.Steps };
    }
}
