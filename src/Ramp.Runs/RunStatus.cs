namespace Ramp.Runs;

/// <summary>Where a run stands, as <c>summary.json</c>'s <c>status</c> writes it (<c>running</c>, <c>finished</c>,
/// <c>diverged</c>).</summary>
public enum RunStatus
{
    /// <summary><c>running</c>: the run has not ended (or was killed before it could say so). Also what a summary without a status reads
    /// as.</summary>
    Running,

    /// <summary><c>finished</c>: the run completed its steps and did not diverge (see <see cref="Divergence"/>).</summary>
    Finished,

    /// <summary><c>diverged</c>: the run diverged by <see cref="Divergence"/>'s rule, whether it stopped early or completed its
    /// steps.</summary>
    Diverged,
}
