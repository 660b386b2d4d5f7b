using System.Globalization;

namespace Ramp.Runs;

/// <summary>
/// The one rule that says whether a run diverged (docs/run-folder.md, "Diverged"). The trainer applies it to write
/// <c>status</c>, <c>diverged</c> and <c>diverged_at</c> in <c>summary.json</c> and to print its last line; reports
/// apply it to what they read, so the console, the summary, <c>summary.csv</c> and the report cannot disagree.
/// A run diverged when
/// <list type="number">
/// <item>it <b>blew up</b>: a step's loss or gradient norm was NaN or infinite and its update was applied (a non-finite step that a
/// guard skipped does not count: the guard handled it), or the trainer stopped it for divergence (a roll-back guard
/// with no roll-back left); or</item>
/// <item>it <b>ended no better than it began</b>: the run has ended and its final loss (mean over the last read-back
/// window) is not finite, or is not below its baseline: the unigram baseline for language models in a comparison
/// (<c>unigram_baseline</c> in <c>config.json</c>), else the loss of its first step. When the baseline is unknown
/// only a non-finite final loss counts.</item>
/// </list>
/// A run in progress is judged by blow-ups only.
/// </summary>
public static class Divergence
{
    /// <summary>The verdict for <paramref name="evidence"/>.</summary>
    public static DivergenceVerdict Judge(DivergenceEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.BlowUp is { } at) return new DivergenceVerdict(true, at, $"the loss or a gradient became non-finite at step {at}");
        if (!evidence.Ended) return DivergenceVerdict.None;
        var (final, baseline) = (evidence.FinalLoss, evidence.Baseline);
        if (!double.IsFinite(final))
            return new DivergenceVerdict(true, evidence.FirstTrouble, $"final loss is {RunJson.Format(final)}");
        if (double.IsFinite(baseline) && !(final < baseline))
            return new DivergenceVerdict(true, evidence.FirstTrouble, $"final loss {G(final)} is not below " +
                $"the {evidence.BaselineName} {G(baseline)}");
        return DivergenceVerdict.None;
    }

    /// <summary>
    /// The verdict for a run folder as read: blow-ups from its rows (and a stop for divergence recorded in its summary),
    /// the final and initial losses from its summary (else its rows), the baseline from its configuration.
    /// </summary>
    public static DivergenceVerdict Judge(Run run) => Judge(Evidence(run));

    /// <summary>The evidence a run folder gives (see <see cref="Judge(Run)"/>).</summary>
    public static DivergenceEvidence Evidence(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var s = run.Summary;
        long? blowUp = run.Metrics.FirstOrDefault(m => m.BlewUp)?.Step;
        // A stop for divergence that no row shows (a roll-back guard with none left stops before the row is written);
        // the trainer stops a diverged run before its configured steps, while one that completed them diverged at the end.
        if (s is { Status: RunStatus.Diverged, DivergedAt: { } stop } && blowUp is null && s.Steps < s.Config.Steps) blowUp = stop;
        var initial = s is { InitialLoss: var i } && !double.IsNaN(i) ? i : run.Metrics.Count > 0 ? run.Metrics[0].Loss : double.NaN;
        var final = s?.Final.Loss ?? (run.Metrics.Count > 0 ? run.Metrics[^1].Loss : double.NaN);
        long? trouble = run.Metrics.FirstOrDefault(m => m.IsNonFinite)?.Step;
        if (s is not null && s.Diagnosis.Count > 0) trouble = Math.Min(trouble ?? long.MaxValue, s.Diagnosis.Min(f => f.FromStep));
        var (baseline, name) = Baseline(run.Config, initial);
        return new DivergenceEvidence(s?.Ended ?? false, blowUp, final, baseline, name, trouble);
    }

    /// <summary>
    /// The loss a run must end below: the unigram baseline when <paramref name="config"/> gives one (language models in a
    /// comparison), else <paramref name="initialLoss"/>; with its name in words.
    /// </summary>
    public static (double Value, string Name) Baseline(RunConfig config, double initialLoss)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.UnigramBaseline is { } u ? (u, "unigram baseline") : (initialLoss, "initial loss");
    }

    private static string G(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
