using System.Globalization;

namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// What an automatic warmup did, for <c>summary.json</c> (<c>auto_warmup</c>), the console and the report: whether it
/// reached the requested peak, the rate it could sustain, which gates held it, and, when it was held far below the
/// peak, a suggested peak, all in one plain sentence (<see cref="Message"/>).
/// </summary>
/// <param name="RequestedLr">The peak the warmup climbed towards: the run's base lr times the spec's target.</param>
/// <param name="Phase"><c>done</c> (target reached), <c>gave_up</c> (step budget used below it) or <c>warming</c> (the run ended first).</param>
/// <param name="EndedAt">The step whose signals ended warmup, or null while still warming.</param>
/// <param name="FinalFactor">The factor of the requested peak the warmup ended at (or had reached when the run ended); in (0, 1].</param>
/// <param name="SustainedLr">The highest rate the run trained at with every gate green: <see cref="RequestedLr"/> times
/// the largest such factor (<see cref="AutoWarmupState.HighestGreen"/>; the final factor when no step was green, the
/// peak when warmup was done).</param>
/// <param name="Holds">Holds (amber gates, or red ones while cooling down).</param>
/// <param name="BackOffs">Back-offs (red gates).</param>
/// <param name="HeldBy">Holds and back-offs per gate, most first.</param>
/// <param name="SuggestedPeak">When held far below (<see cref="FinalFactor"/> &lt; <see cref="FarBelow"/>): <see cref="SustainedLr"/> rounded down to two significant digits, a peak to try next; else null.</param>
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

    /// <summary>The outcome of the warmup whose last state is <paramref name="state"/>, towards <paramref name="requestedLr"/>.</summary>
    public static AutoWarmupOutcome From(AutoWarmupState state, double requestedLr)
    {
        ArgumentNullException.ThrowIfNull(state);
        var factor = state.Phase == AutoWarmupPhase.Done ? 1 : state.Factor;
        var sustained = requestedLr * (state.Phase == AutoWarmupPhase.Done ? 1 : Math.Max(state.HighestGreen, state.Factor));
        var ranked = state.Tally.Ranked();
        var phase = state.Phase switch { AutoWarmupPhase.Done => "done", AutoWarmupPhase.GaveUp => "gave_up", _ => "warming" };
        double? suggested = factor < FarBelow ? RoundDown(sustained) : null;
        var gates = ranked.Count == 0 ? "no gate held it"
            : "held by " + string.Join(", ", ranked.Select(g => F($"the {g.Gate} gate {g.Count} times")));
        var decisions = F($"{state.Holds} holds and {state.BackOffs} back-offs, {gates}");
        var end = requestedLr * factor;
        var message = state.Phase switch
        {
            AutoWarmupPhase.Done => F($"auto() reached the requested peak {requestedLr:G4} at step {state.EndedAt} after {decisions}."),
            _ when suggested is { } s => F($"auto() held the learning rate far below the requested peak {requestedLr:G4}: ")
                + (state.Phase == AutoWarmupPhase.GaveUp ? F($"it gave up at step {state.EndedAt} ") : "the run ended while it was still warming, ")
                + F($"at {end:G3} ({factor * 100:G3}% of the peak) after {decisions}. The highest rate it trained at with every gate green was {sustained:G3}; ")
                + F($"suggested peak {s:G2} (rerun with --lr {s:G2}, or a fixed warmup to it)."),
            _ => F($"auto() did not reach the requested peak {requestedLr:G4}: ")
                + (state.Phase == AutoWarmupPhase.GaveUp ? F($"it gave up at step {state.EndedAt} ") : "the run ended while it was still warming, ")
                + F($"at {end:G3} ({factor * 100:G3}% of the peak) after {decisions}."),
        };
        return new AutoWarmupOutcome(requestedLr, phase, state.EndedAt, factor, sustained, state.Holds, state.BackOffs,
            ranked.ToDictionary(g => g.Gate, g => g.Count), suggested, message);
    }

    /// <summary><paramref name="x"/> rounded down to two significant digits (0.00217 -> 0.0021).</summary>
    internal static double RoundDown(double x)
    {
        if (!(x > 0) || !double.IsFinite(x)) return x;
        var scale = Math.Pow(10, Math.Floor(Math.Log10(x)) - 1);
        return Math.Floor(x / scale * (1 + 1e-12)) * scale;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
