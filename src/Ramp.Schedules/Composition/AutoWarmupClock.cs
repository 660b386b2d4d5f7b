namespace Ramp.Schedules.Composition;

/// <summary>
/// Which steps the schedule after an automatic warmup (<see cref="AutoWarmupSpec.Then"/>) counts (text
/// <c>clock=...</c>).
/// </summary>
/// <remarks>
/// The length of a closed-loop warmup is only known when it ends, so a decay written for the run's length
/// (<c>auto() &gt;&gt; cosine(N)</c> in an N-step run) only reaches its floor at the run's end when it counts the
/// run's steps. That is the default; <see cref="AfterWarmup"/> keeps <c>&gt;&gt;</c>'s "starts when the piece before
/// ends" reading for a decay whose length is meant to follow the warmup.
/// </remarks>
public enum AutoWarmupClock
{
    /// <summary>
    /// The run's clock: the schedule is evaluated at the applied step from the first step on, and while warming the
    /// controller's factor multiplies it (a dampened warmup, like <c>cosine(N) * warmup(W)</c>). Text <c>clock=run</c>.
    /// </summary>
    Run,

    /// <summary>
    /// Starts when warmup ends: the schedule waits at its step 0 while warming and counts from the step at which
    /// warmup is done (or gives up). Text <c>clock=after_warmup</c>.
    /// </summary>
    AfterWarmup,
}
