using Ramp.Reports.RunFolders;

namespace Ramp.Reports.Measures;

/// <summary>
/// Whether a run diverged: its training loss became non-finite, or it ends above its baseline. The baseline is
/// the unigram-entropy loss for language models (when config.json or summary.json gives
/// <c>unigram_baseline</c>), otherwise the initial loss (summary's <c>initial_loss</c>, else the first row's loss).
/// A run whose writer already said <c>diverged</c> is diverged too. A non-finite step that a guard skipped
/// (<c>skipped</c> = 1) does not count by itself: a guard arm is judged by how its run ends.
/// </summary>
public static class Divergence
{
    /// <summary>Whether <paramref name="run"/> diverged, with the reason in plain words (empty when it did not).</summary>
    public static (bool Diverged, string Reason) Check(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        // A non-finite step that a guard skipped was handled, not a blow-up; the run is judged by what follows.
        var blowUp = run.Metrics.FirstOrDefault(m => !double.IsFinite(m.Loss) && !m.Skipped);
        if (blowUp is not null) return (true, $"loss became non-finite at step {blowUp.Step}");
        if (run.Summary is { } s && (s.Diverged || s.Status == "diverged"))
            return (true, s.DivergedAt is { } at ? $"the run stopped as diverged at step {at}" : "the run stopped as diverged");
        var final = FinalLoss(run);
        var baseline = Baseline(run);
        if (double.IsInfinity(final)) return (true, "final loss is infinite");
        if (double.IsFinite(final) && double.IsFinite(baseline) && final > baseline)
            return (true, $"final loss {final:G4} is above the {BaselineName(run)} {baseline:G4}");
        return (false, "");
    }

    /// <summary>The loss a run must end below: the unigram baseline when given, else the initial loss (NaN when unknown).</summary>
    public static double Baseline(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if ((run.Config.UnigramBaseline ?? run.Summary?.UnigramBaseline) is { } u) return u;
        if (run.Summary is { InitialLoss: var i } && double.IsFinite(i)) return i;
        return run.Metrics.Count > 0 ? run.Metrics[0].Loss : double.NaN;
    }

    /// <summary>The final training loss: the summary's, else the last row's (NaN when the run has no row).</summary>
    public static double FinalLoss(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Summary is { FinalLoss: var f } && !double.IsNaN(f)) return f;
        return run.Metrics.Count > 0 ? run.Metrics[^1].Loss : double.NaN;
    }

    private static string BaselineName(Run run) =>
        (run.Config.UnigramBaseline ?? run.Summary?.UnigramBaseline) is null ? "initial loss" : "unigram baseline";
}
