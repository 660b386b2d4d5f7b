namespace Ramp.Runs;

/// <summary>What <see cref="Divergence"/> decided about a run.</summary>
/// <param name="Diverged">Whether the run diverged.</param>
/// <param name="At">The step the divergence is dated to, or null (not diverged, or nothing to date it by).</param>
/// <param name="Reason">Why, in plain words (e.g. <c>loss became non-finite at step 41</c>); empty when it did not diverge.</param>
public sealed record DivergenceVerdict(bool Diverged, long? At, string Reason)
{
    /// <summary>Did not diverge.</summary>
    public static DivergenceVerdict None { get; } = new(false, null, "");

    /// <summary>The <c>status</c> a summary writes with this verdict: <c>diverged</c> when diverged, else <c>finished</c> once <paramref
    /// name="ended"/>, else <c>running</c>.</summary>
    public RunStatus Status(bool ended) => Diverged ? RunStatus.Diverged : ended ? RunStatus.Finished : RunStatus.Running;
}
