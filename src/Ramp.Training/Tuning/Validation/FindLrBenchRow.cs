using Ramp.Training.Tuning.Runner;

namespace Ramp.Training.Tuning.Validation;

/// <summary>One row of the find-lr table: the recommendation's run against the best run of the fixed sweep.</summary>
/// <param name="Case">The combination.</param>
/// <param name="Findings">What find-lr found (its recommendation may be null).</param>
/// <param name="Recommended">The run at the recommended (peak, warmup); null without a recommendation.</param>
/// <param name="Sweep">The sweep, one entry per peak (a run, or null where it was not run because two smaller peaks already scored below
/// the best).</param>
public sealed record FindLrBenchRow(FindLrCase Case, LrFindings Findings, TrialRun? Recommended, IReadOnlyList<(double Peak,
    TrialRun? Run)> Sweep)
{
    /// <summary>The largest shortfall counted as "held": 1 accuracy point for images, 0.03 nats for text.</summary>
    public double Tolerance => Case.Model.IsText ? 0.03 : 0.01;

    /// <summary>The sweep's best peak and its run (by <see cref="TrialRun.Score"/>, among runs that did not blow up).</summary>
    public (double Peak, TrialRun Run)? Best => Sweep.Where(s => s.Run is { Diverged: false })
        .Select(s => (s.Peak, Run: s.Run!)).OrderByDescending(s => s.Run.Score).Cast<(double, TrialRun)?>().FirstOrDefault();

    /// <summary>How far the recommendation's score is below the sweep's best (accuracy points, or nats for text); null when either is
    /// missing.</summary>
    public double? Shortfall => Recommended is { } r && Best is { } b ? b.Run.Score - r.Score : null;

    /// <summary>True when the recommended run did not blow up and fell short of the sweep's best by at most <see
    /// cref="Tolerance"/>.</summary>
    public bool Held => Recommended is { Diverged: false } && Shortfall is { } s && s <= Tolerance + 1e-12;

    /// <summary>Steps the sweep plans: every peak times the run length.</summary>
    public long SweepSteps => Sweep.Count * Case.Steps;

    /// <summary>The search's cost (range test plus cold-start trials) as a fraction of <see cref="SweepSteps"/>.</summary>
    public double SearchCost => (double)Findings.Steps / SweepSteps;
}
