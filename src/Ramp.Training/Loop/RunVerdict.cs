using Ramp.Training.Diagnosis;
using Ramp.Training.Runs;

namespace Ramp.Training.Loop;

/// <summary>
/// The run's status and whether it diverged: stopped by a non-finite step nothing guarded, by a guard that gave up,
/// or finished no lower than it started. The one place the loop decides it.
/// </summary>
internal sealed class RunVerdict
{
    /// <summary><see cref="RunSummary.Running"/>, <see cref="RunSummary.Finished"/> or <see cref="RunSummary.DivergedStatus"/>.</summary>
    public string Status { get; private set; } = RunSummary.Running;

    /// <summary>Whether the loop goes on.</summary>
    public bool Running => Status == RunSummary.Running;

    private long? _divergedAt;

    /// <summary>Stops the run as diverged at <paramref name="step"/> (the first such step is kept).</summary>
    public void Diverge(long step)
    {
        Status = RunSummary.DivergedStatus;
        _divergedAt ??= step;
    }

    /// <summary>Marks a run that completed its steps.</summary>
    public void Finish()
    {
        if (Running) Status = RunSummary.Finished;
    }

    /// <summary>Whether the run diverged and from which step, judged with the final and initial losses and the diagnosis.</summary>
    public (bool Diverged, long? At) Judge(double finalLoss, double initialLoss, Diagnoser diagnoser)
    {
        var diverged = Status == RunSummary.DivergedStatus
            || (Status == RunSummary.Finished && (!double.IsFinite(finalLoss) || !(finalLoss < initialLoss)));
        return (diverged, diverged ? _divergedAt ?? diagnoser.FirstNonFinite ?? diagnoser.Findings.FirstOrDefault()?.FromStep : null);
    }
}
