using System.Globalization;

namespace Ramp.Training.Tuning.AutoWarmup;

/// <summary>
/// Closed-loop warmup: each step it reads the monitor's signals and sets the next step's learning rate as a
/// factor of the target. The controller is an immutable value; all that changes lives in
/// <see cref="AutoWarmupState"/>, so it checkpoints and resumes exactly and is deterministic.
/// </summary>
/// <remarks>
/// <para>Per observed step, the gates (see <see cref="AutoWarmupOptions"/>) give a verdict against the
/// statistics of the earlier steps (median and MAD of the last <c>StatsWindow</c> values, which a spike does not
/// move); then the statistics take in the step (non-finite values skipped).</para>
/// <para>Red: the factor is multiplied by <c>BackOffFactor</c> (never below <c>MinFactor</c>), the factor is held
/// for <c>CooldownSteps</c> (a red gate in that time holds instead of cutting again, unless a value is non-finite),
/// and the growth's excess over 1 is halved (down to an eighth of the original), so the
/// climb approaches a found edge more carefully. Amber: hold. Green: grow by <c>Growth</c>, capped at 1 (the
/// target is never exceeded); at 1, count green steps, and after <c>GreenStepsToFinish</c> declare warmup done.
/// Done: the factor is 1 for good (a decay schedule composed after it takes over). If <c>MaxSteps</c> runs out
/// first, warmup ends at 1 if it got there, otherwise it gives up and freezes the factor.</para>
/// </remarks>
public sealed record AutoWarmupController
{
    /// <summary>A controller with the given options (validated here).</summary>
    public AutoWarmupController(AutoWarmupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The parameters.</summary>
    public AutoWarmupOptions Options { get; }

    /// <summary>The state before the first step: factor <c>InitialFactor</c>, empty statistics.</summary>
    public AutoWarmupState Start() => new(0, Options.InitialFactor, AutoWarmupPhase.Warming, Options.Growth,
        0, 0, 0, new RollingStatistics(), new RollingStatistics(), 0);

    /// <summary>The learning rate for the step <paramref name="state"/> is at: <c>TargetLr * Factor</c>.</summary>
    public double LrFor(AutoWarmupState state) => Options.TargetLr * state.Factor;

    /// <summary>Takes in the signals of step <c>state.Step</c> and returns the state for the next step. Pure.</summary>
    public AutoWarmupStep Observe(AutoWarmupState state, TrainingSignals signals)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(signals);
        if (state.Phase != AutoWarmupPhase.Warming)
            return new AutoWarmupStep(state with { Step = state.Step + 1 }, GateVerdict.Green, null);

        var o = Options;
        // A spike large enough to be red is answered by the back-off; clipping it here keeps it from also
        // holding the climb for the many steps the fast average would take to forget it.
        var level = state.LossStats.Median;
        var fastInput = state.LossStats.Values.Length >= o.MinSamples
            ? Math.Min(signals.Loss, level + o.CatapultRed * Math.Abs(level))
            : signals.Loss;
        var fast = !double.IsFinite(signals.Loss) ? state.FastLoss
            : state.LossStats.Count == 0 ? signals.Loss
            : o.FastAlpha * state.FastLoss + (1 - o.FastAlpha) * fastInput;
        var verdict = WarmupGates.Judge(o, state, signals, fast);
        var next = state with
        {
            Step = state.Step + 1,
            FastLoss = fast,
            LossStats = state.LossStats.Add(signals.Loss, o.StatsWindow),
            GradNormStats = signals.GradNorm is { } g ? state.GradNormStats.Add(g, o.StatsWindow) : state.GradNormStats,
        };
        WarmupDecision? decision = null;
        switch (verdict.Level)
        {
            case GateLevel.Red when state.CooldownLeft > 0 && verdict.Gate != "non-finite":
                // The back-off already answered this instability; give the cut lr its cooldown to show an effect.
                next = next with
                {
                    GreenStreak = 0,
                    CooldownLeft = state.CooldownLeft - 1,
                    Holds = state.Holds + 1,
                    HeldBy = state.Tally.Add(verdict.Gate)
                };
                decision = Decide(state, WarmupAction.Hold, verdict.Gate, verdict.Reason
                    + " (cooling down after a back-off)", state.Factor);
                break;
            case GateLevel.Red:
                var cut = Math.Max(o.MinFactor, state.Factor * o.BackOffFactor);
                next = next with
                {
                    Factor = cut,
                    GreenStreak = 0,
                    CooldownLeft = o.CooldownSteps,
                    BackOffs = state.BackOffs + 1,
                    HeldBy = state.Tally.Add(verdict.Gate),
                    Growth = Math.Max(1 + (o.Growth - 1) / 8, 1 + (state.Growth - 1) / 2),
                };
                decision = Decide(state, WarmupAction.BackOff, verdict.Gate, verdict.Reason, cut);
                break;
            case GateLevel.Amber:
                next = next with
                {
                    GreenStreak = 0,
                    CooldownLeft = Math.Max(0, state.CooldownLeft - 1),
                    Holds = state.Holds + 1,
                    HeldBy = state.Tally.Add(verdict.Gate)
                };
                decision = Decide(state, WarmupAction.Hold, verdict.Gate, verdict.Reason, state.Factor);
                break;
            default:
                next = next with { HighestGreen = Math.Max(state.HighestGreen, state.Factor) };
                if (state.CooldownLeft > 0) next = next with { CooldownLeft = state.CooldownLeft - 1 };
                else if (state.Factor < 1) next = next with { Factor = Math.Min(1, state.Factor * state.Growth) };
                else next = next with { GreenStreak = state.GreenStreak + 1 };
                if (next.GreenStreak >= o.GreenStepsToFinish)
                {
                    next = next with { Phase = AutoWarmupPhase.Done, EndedAt = state.Step };
                    decision = Decide(state, WarmupAction.Done, "",
                        F($"target reached and all gates green for {next.GreenStreak} steps"), 1);
                }
                break;
        }
        if (next.Phase == AutoWarmupPhase.Warming && o.MaxSteps is { } max && next.Step >= max)
        {
            var reached = next.Factor >= 1;
            next = next with { Phase = reached ? AutoWarmupPhase.Done : AutoWarmupPhase.GaveUp, EndedAt = state.Step };
            decision = Decide(state, reached ? WarmupAction.Done : WarmupAction.GaveUp, "", reached
                ? F($"step budget {max} used up at the target")
                : F($"step budget {max} used up below the target; lr frozen at {next.Factor:G4} of it"), next.Factor);
        }
        return new AutoWarmupStep(next, verdict, decision);
    }

    private static WarmupDecision Decide(AutoWarmupState s, WarmupAction action, string gate, string reason, double after) =>
        new(s.Step, action, gate, reason, s.Factor, after);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
