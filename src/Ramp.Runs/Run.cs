namespace Ramp.Runs;

/// <summary>One run folder, read: its configuration, step rows, events and (when written) its summary.</summary>
/// <param name="Name">The folder's name.</param>
/// <param name="Path">The folder's full path.</param>
/// <param name="Config">From <c>config.json</c>.</param>
/// <param name="Metrics">Rows of <c>metrics.jsonl</c> when present, else of <c>metrics.csv</c>, in file order.</param>
/// <param name="Events">Lines of <c>events.jsonl</c>.</param>
/// <param name="Summary">From <c>summary.json</c>, or null when the run has not written one yet.</param>
/// <param name="Truncated">Whether a partial last line was dropped from one of the files (a killed or live writer).</param>
public sealed record Run(
    string Name, string Path, RunConfig Config, IReadOnlyList<StepRecord> Metrics,
    IReadOnlyList<RunEvent> Events, RunSummary? Summary, bool Truncated)
{
    /// <summary>Whether the run has ended (its summary says <c>finished</c> or <c>diverged</c>).</summary>
    public bool IsComplete => Summary is { Ended: true };

    /// <summary>Whether any row carries per-layer statistics.</summary>
    public bool HasLayers => Metrics.Any(m => m.Layers.Count > 0);

    /// <summary>The comparison's case study (<see cref="RunConfig.CaseStudy"/>), or empty for a lone run.</summary>
    public string CaseStudy => Config.CaseStudy ?? "";

    /// <summary>The comparison's arm (<see cref="RunConfig.Arm"/>), or the folder's name for a lone run.</summary>
    public string Arm => Config.Arm ?? Name;

    /// <summary>The peak learning rate: the comparison cell's (<see cref="RunConfig.PeakLr"/>), else the run's <see
    /// cref="RunConfig.Lr"/>.</summary>
    public double PeakLr => Config.PeakLr ?? Config.Lr;
}
