namespace Ramp.Training.Studies;

/// <summary>What the grid runner did with a cell.</summary>
public enum CellAction
{
    /// <summary>Trained from scratch into an empty folder.</summary>
    Trained,

    /// <summary>Already finished (or diverged) in the output folder: not run again.</summary>
    Skipped,

    /// <summary>Continued from the checkpoint of a run that was stopped part-way.</summary>
    Resumed,

    /// <summary>A half-written run without a checkpoint was deleted and trained again from scratch.</summary>
    Restarted,

    /// <summary>Training threw; the message is in <see cref="CellOutcome.Error"/>.</summary>
    Failed,
}
