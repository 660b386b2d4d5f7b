using Ramp.Runs;
using Ramp.Training.Diagnosis;

namespace Ramp.Training.Loop;

/// <summary>
/// The loop's side of the one divergence verdict (<see cref="Divergence"/>): it records when the loop stopped a run
/// (a non-finite step nothing guarded, a guard that gave up) or finished it, and asks <see cref="Divergence.Judge(DivergenceEvidence)"/>
/// for the status and the step <c>summary.json</c> records, so the console, the summary and the report agree.
/// </summary>
internal sealed class RunVerdict
{
    private bool _ended;
    private long? _stoppedAt;

    /// <summary>Whether the loop goes on.</summary>
    public bool Running => !_ended;

    /// <summary>Whether the loop stopped the run before its steps were done.</summary>
    public bool Stopped => _stoppedAt is not null;

    /// <summary>Stops the run as diverged at <paramref name="step"/> (the first such step is kept).</summary>
    public void Diverge(long step)
    {
        _ended = true;
        _stoppedAt ??= step;
    }

    /// <summary>Marks a run that completed its steps.</summary>
    public void Finish() => _ended = true;

    /// <summary>The verdict with the final and initial losses and the diagnosis, against <paramref name="config"/>'s baseline.</summary>
    public DivergenceVerdict Judge(RunConfig config, double finalLoss, double initialLoss, Diagnoser diagnoser)
    {
        var (baseline, name) = Divergence.Baseline(config, initialLoss);
        var findings = diagnoser.Findings;
        long? trouble = findings.Count == 0 ? diagnoser.FirstNonFinite
            : Math.Min(diagnoser.FirstNonFinite ?? long.MaxValue, findings.Min(f => f.FromStep));
        return Divergence.Judge(new DivergenceEvidence(_ended, _stoppedAt, finalLoss, baseline, name, trouble));
    }

    /// <summary>The status <see cref="Judge"/> gives, as <c>summary.json</c> records it.</summary>
    public RunStatus Status(DivergenceVerdict verdict) => verdict.Status(_ended);
}
