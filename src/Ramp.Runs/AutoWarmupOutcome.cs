namespace Ramp.Runs;

/// <summary>
/// What an automatic warmup did, for <c>summary.json</c> (<c>auto_warmup</c>), the console and the report: whether it
/// reached the requested peak, the rate it could sustain, which gates held it, and, when it was held far below the
/// peak, a suggested peak, all in one plain sentence (<see cref="Message"/>).
/// </summary>
/// <param name="RequestedLr">The peak the warmup climbed towards: the run's base lr times the spec's target.</param>
/// <param name="Phase"><c>done</c> (target reached), <c>gave_up</c> (step budget used below it) or <c>warming</c> (the run ended
/// first).</param>
/// <param name="EndedAt">The step whose signals ended warmup, or null while still warming.</param>
/// <param name="FinalFactor">The factor of the requested peak the warmup ended at (or had reached when the run ended); in (0, 1].</param>
/// <param name="SustainedLr">The highest rate the run trained at with every gate green: <see cref="RequestedLr"/> times
/// the largest such factor (the highest factor every gate passed at; the final factor when no step was green, the
/// peak when warmup was done).</param>
/// <param name="Holds">Holds (amber gates, or red ones while cooling down).</param>
/// <param name="BackOffs">Back-offs (red gates).</param>
/// <param name="HeldBy">Holds and back-offs per gate, most first.</param>
/// <param name="SuggestedPeak">When held far below (<see cref="FinalFactor"/> &lt; <see cref="FarBelow"/>): <see cref="SustainedLr"/>
/// rounded down to two significant digits, a peak to try next; else null.</param>
/// <param name="Message">One plain sentence saying all of the above.</param>
public sealed record AutoWarmupOutcome(
    double RequestedLr,
    string Phase,
    long? EndedAt,
    double FinalFactor,
    double SustainedLr,
    int Holds,
    int BackOffs,
    IReadOnlyDictionary<string, int> HeldBy,
    double? SuggestedPeak,
    string Message)
{
    /// <summary>A warmup that ends below this factor of the requested peak was "held far below" it: half the peak.</summary>
    public const double FarBelow = 0.5;

    /// <summary>True when the warmup ended, or the run ended, below <see cref="FarBelow"/> of the requested peak.</summary>
    public bool HeldFarBelow => FinalFactor < FarBelow;
}
