using System.Globalization;
using Ramp.Runs;

namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>Builds the <see cref="AutoWarmupOutcome"/> that <c>summary.json</c> records from the controller's last state.</summary>
public static class WarmupOutcome
{
    /// <summary>The outcome of the warmup whose last state is <paramref name="state"/>, towards <paramref name="requestedLr"/>.</summary>
    public static AutoWarmupOutcome Of(AutoWarmupState state, double requestedLr)
    {
        ArgumentNullException.ThrowIfNull(state);
        var factor = state.Phase == AutoWarmupPhase.Done ? 1 : state.Factor;
        var sustained = requestedLr * (state.Phase == AutoWarmupPhase.Done ? 1 : Math.Max(state.HighestGreen, state.Factor));
        var ranked = state.Tally.Ranked();
        var phase = state.Phase switch { AutoWarmupPhase.Done => "done", AutoWarmupPhase.GaveUp => "gave_up", _ => "warming" };
        double? suggested = factor < AutoWarmupOutcome.FarBelow ? RoundDown(sustained) : null;
        var gates = ranked.Count == 0 ? "no gate held it"
            : "held by " + string.Join(", ", ranked.Select(g => F($"the {g.Gate} gate {g.Count} times")));
        var decisions = F($"{state.Holds} holds and {state.BackOffs} back-offs, {gates}");
        var end = requestedLr * factor;
        var message = state.Phase switch
        {
            AutoWarmupPhase.Done => F($"auto() reached the requested peak {requestedLr:G4} at step {state.EndedAt} after {decisions}."),
            _ when suggested is { } s => F($"auto() held the learning rate far below the requested peak {requestedLr:G4}: ")
                + (state.Phase == AutoWarmupPhase.GaveUp ? F($"it gave up at step {state.EndedAt} ")
                    : "the run ended while it was still warming, ")
                + F($"at {end:G3} ({factor * 100:G3}% of the peak) after {decisions}. The highest rate it trained at with every gate ") +
                    F($"green was {sustained:G3}; ")
                + F($"suggested peak {s:G2} (rerun with --lr {s:G2}, or a fixed warmup to it)."),
            _ => F($"auto() did not reach the requested peak {requestedLr:G4}: ")
                + (state.Phase == AutoWarmupPhase.GaveUp ? F($"it gave up at step {state.EndedAt} ")
                    : "the run ended while it was still warming, ")
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
