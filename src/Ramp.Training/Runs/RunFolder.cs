using System.Text.Json;

namespace Ramp.Training.Runs;

/// <summary>The files of one run folder (layout in docs/run-folder.md) and their writers.</summary>
public sealed class RunFolder
{
    /// <summary>Opens (and creates) the folder at <paramref name="path"/>.</summary>
    public RunFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(Checkpoints);
    }

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    /// <summary><c>config.json</c>.</summary>
    public string ConfigFile => System.IO.Path.Combine(Path, "config.json");

    /// <summary><c>metrics.csv</c>.</summary>
    public string MetricsCsv => System.IO.Path.Combine(Path, "metrics.csv");

    /// <summary><c>metrics.jsonl</c>.</summary>
    public string MetricsJsonl => System.IO.Path.Combine(Path, "metrics.jsonl");

    /// <summary><c>events.jsonl</c>.</summary>
    public string EventsFile => System.IO.Path.Combine(Path, "events.jsonl");

    /// <summary><c>summary.json</c>.</summary>
    public string SummaryFile => System.IO.Path.Combine(Path, "summary.json");

    /// <summary>The <c>checkpoints/</c> folder.</summary>
    public string Checkpoints => System.IO.Path.Combine(Path, "checkpoints");

    /// <summary><c>checkpoints/latest.json</c>.</summary>
    public string LatestCheckpoint => System.IO.Path.Combine(Checkpoints, "latest.json");

    /// <summary>Writes <c>config.json</c> atomically.</summary>
    public void WriteConfig(RunConfig config) =>
        AtomicFile.WriteAllText(ConfigFile, JsonSerializer.Serialize(config, RunJson.Indented) + "\n");

    /// <summary>Writes <c>summary.json</c> atomically.</summary>
    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(SummaryFile, JsonSerializer.Serialize(summary, RunJson.Indented) + "\n");

    /// <summary>Appends events to <c>events.jsonl</c>.</summary>
    public void AppendEvents(IEnumerable<RunEvent> events)
    {
        var lines = string.Concat(events.Select(e => JsonSerializer.Serialize(e, RunJson.Line) + "\n"));
        if (lines.Length > 0) File.AppendAllText(EventsFile, lines);
    }

    /// <summary>Writes <c>checkpoints/latest.json</c> atomically (after the tensor files it names are in place).</summary>
    public void WriteCheckpointInfo(CheckpointInfo info) =>
        AtomicFile.WriteAllText(LatestCheckpoint, JsonSerializer.Serialize(info, RunJson.Indented) + "\n");

    /// <summary>Reads <c>checkpoints/latest.json</c>, or null when there is none.</summary>
    public CheckpointInfo? ReadCheckpointInfo() => File.Exists(LatestCheckpoint)
        ? JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(LatestCheckpoint), RunJson.Indented)
        : null;

    /// <summary>
    /// Drops metric rows at or after <paramref name="step"/>, and events too when <paramref name="events"/> is set:
    /// a resume drops both (they will be written again), a roll-back keeps the events that explain it.
    /// </summary>
    public void TruncateFrom(long step, bool events)
    {
        RunFiles.TruncateCsv(MetricsCsv, step);
        RunFiles.TruncateJsonl(MetricsJsonl, step);
        if (events) RunFiles.TruncateJsonl(EventsFile, step);
    }
}
