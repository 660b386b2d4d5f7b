using Ramp.Cli.Cli;
using Ramp.Runs;
using Ramp.Schedules;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Text;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp train --resume --out DIR --extend-steps N</c>: continues a run (finished, or killed part-way) to N steps in
/// all. The rule: the run's schedule must give a value of its own to every step below N, so that the extended run is
/// the run the schedule text describes, not a run that trains on at a value held past the schedule's end. That holds
/// when the schedule is Ramp's own (a factor schedule, <c>per_group(...)</c>, or <c>auto()</c> followed by one) and
/// <list type="bullet">
/// <item>it has no end (<see cref="ScheduleLength"/> gives none: <c>constant()</c>, step and exponential decays,
/// <c>... &gt;&gt; constant()</c>, unlimited restarts), or</item>
/// <item>its end (the first step from which its value no longer changes by design, e.g. 1000 for
/// <c>warmup(100) &gt;&gt; cosine(900)</c>) is at least N; an <c>auto()</c> warmup's own end moves with the run, so
/// the schedule after it must have no end.</item>
/// </list>
/// A peer's schedule (PyTorch, transformers, optax, ...) is refused: its end lies in its own arguments, which
/// Ramp reproduces but does not read as a length. Schedules never depend on the run's length (<c>--steps</c> is not
/// part of their text), so the rule depends on the schedule text and N only.
/// </summary>
public static class TrainExtension
{
    /// <summary>
    /// The run's configuration extended to <paramref name="steps"/> steps in all (<see cref="RunConfig.Epochs"/>
    /// cleared: the length is now given in steps); the same configuration when it already has that many.
    /// </summary>
    /// <param name="run">The configuration in the run's <c>config.json</c>.</param>
    /// <param name="summary">The run's <c>summary.json</c>, or null when it has none yet (a run killed early).</param>
    /// <param name="steps">The new length, <c>--extend-steps N</c>.</param>
    /// <exception cref="UsageException">The extension is not allowed; the message says why, on one line.</exception>
    public static RunConfig Extend(RunConfig run, RunSummary? summary, long steps)
    {
        ArgumentNullException.ThrowIfNull(run);
        var option = $"--extend-steps {steps}";
        if (steps < run.Steps)
            throw new UsageException($"{option}: the run already has {run.Steps} steps; give a length above it (the new total, not the " +
                "steps to add)");
        if (steps == run.Steps) return run;
        if (summary is { Status: RunStatus.Diverged })
            throw new UsageException($"{option}: the run diverged{(summary.DivergedAt is { } at ? $" at step {at}" : "")}; extending " +
                "would train on from a diverged state: train a new run");
        var reason = Refusal(run.Schedule, steps);
        if (reason is not null)
            throw new UsageException($"{option}: {reason}; a run is extended only where its schedule gives each new step its own value " +
                "(a schedule with no end, such as one ending in '>> constant()', or whose end is at or after the new length): train a " +
                "new run with the longer schedule");
        return run with { Steps = steps, Epochs = null };
    }

    // Why the schedule does not define the steps up to `steps`, or null when it does.
    private static string? Refusal(string text, long steps)
    {
        var quoted = $"\"{SpecInput.Shorten(text)}\"";
        var spec = ScheduleText.Parse(text);
        if (spec is AutoWarmupSpec { Then: null }) return null; // auto() alone holds its peak: no end
        var (factor, auto) = spec switch
        {
            FactorSpec f => (f.Factor, false),
            GroupSpec g => (g.Factor, false),
            AutoWarmupSpec a => (a.Then, true),
            _ => ((Schedule?)null, false),
        };
        if (factor is null) return $"{quoted} is a peer's schedule, whose end Ramp does not read from its arguments";
        if (ScheduleLength.Of(factor) is not { } end) return null;
        if (auto) return $"{quoted} starts its schedule after an automatic warmup of varying length, so its end ({end} steps after the " +
            "warmup) moves with the run";
        return end >= steps ? null : $"{quoted} ends at step {end} and only holds its last value after it";
    }
}
