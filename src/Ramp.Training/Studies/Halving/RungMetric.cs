using Ramp.Runs;

namespace Ramp.Training.Studies.Halving;

/// <summary>
/// A run's metric at a rung, from its rows: the mean of the training accuracy (classifiers) or loss (language
/// models) over the <see cref="Window"/> rows before the rung's step, the same window a run's final metric averages
/// (<c>summary.json</c>'s <c>final</c>, read back every 25 steps). Training rows rather than a test evaluation: no
/// extra pass at each rung, and a full run's rows give the very same number, so halving can be replayed on a grid
/// that was trained in full (docs/compare.md).
/// </summary>
public static class RungMetric
{
    /// <summary>Rows averaged.</summary>
    public const int Window = 25;

    /// <summary>
    /// The metric of the run in <paramref name="folder"/> at <paramref name="step"/>; NaN when it diverged by then
    /// (its rows end before the step) or has no finite value in the window.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run has not been trained that far and has not diverged either.</exception>
    public static double At(string folder, long step, bool accuracy)
    {
        var run = RunFolderReader.Read(folder);
        var rows = run.Metrics.Where(m => m.Step < step).ToArray();
        if (rows.Length < step)
        {
            if (run.Summary?.Status == RunStatus.Diverged) return double.NaN;
            throw new InvalidOperationException($"{folder}: has {rows.Length} rows, a rung at step {step} needs them all");
        }
        // A blow-up stops a run (its rows end early, above); a non-finite step that a guard skipped does not count.
        var window = rows.TakeLast(Window).Select(m => accuracy ? m.Accuracy ?? double.NaN : m.Loss).Where(double.IsFinite).ToArray();
        return window.Length > 0 ? window.Average() : double.NaN;
    }
}
