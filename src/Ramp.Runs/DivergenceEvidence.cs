namespace Ramp.Runs;

/// <summary>
/// What <see cref="Divergence.Judge(DivergenceEvidence)"/> needs to know about a run: the trainer gathers it while it
/// runs, a reader gathers it from the folder (<see cref="Divergence.Evidence"/>); both get the same verdict from it.
/// </summary>
/// <param name="Ended">Whether the run has ended (completed its steps, or stopped); a run in progress is judged only by blow-ups.</param>
/// <param name="BlowUp">The first step that blew up: a non-finite loss whose update was applied (no guard skipped it), or
/// the step at which the trainer stopped the run for divergence (a roll-back guard with none left); null when none.</param>
/// <param name="FinalLoss">The final training loss (<c>summary.json</c>'s <c>final.loss</c>: the mean over the last read-back
/// window).</param>
/// <param name="Baseline">The loss the run must end below (<see cref="Divergence.Baseline"/>); NaN when unknown.</param>
/// <param name="BaselineName">What the baseline is, in words (<c>initial loss</c> or <c>unigram baseline</c>).</param>
/// <param name="FirstTrouble">The first step with a non-finite loss (skipped or not) or a diagnosis finding, to date a
/// divergence found only at the end; null when none.</param>
public sealed record DivergenceEvidence(bool Ended, long? BlowUp, double FinalLoss, double Baseline, string BaselineName,
    long? FirstTrouble);
