using System.Text.Json;

namespace Ramp.Runs;

/// <summary>
/// The files of one run folder (layout in docs/run-folder.md), for the side that writes it: their paths, their
/// writers, and the read-backs a resumed writer needs. Readers of finished or live folders use <see cref="RunFolderReader"/>.
/// </summary>
/// <remarks>
/// A path, nothing more: constructing one and reading through it create nothing on disk. Each writer creates the
/// folder (and <c>checkpoints/</c>) when it first writes, so code that only looks (is there a run here, with which
/// settings?) cannot leave an empty folder behind.
/// </remarks>
public sealed class RunFolder
{
    /// <summary>The folder at <paramref name="path"/>, which need not exist (nothing is created here).</summary>
    public RunFolder(string path) => Path = System.IO.Path.GetFullPath(path);

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

    /// <summary>Writes <c>config.json</c> atomically (creating the folder).</summary>
    public void WriteConfig(RunConfig config) => AtomicFile.WriteAllText(ConfigFile, ConfigJson.Format(config));

    /// <summary>Reads <c>config.json</c>.</summary>
    /// <exception cref="RunFolderException">When the file is missing or not a valid configuration.</exception>
    public RunConfig ReadConfig() => ConfigJson.Read(ConfigFile, ConfigFile);

    /// <summary>Writes <c>summary.json</c> atomically.</summary>
    public void WriteSummary(RunSummary summary) => AtomicFile.WriteAllText(SummaryFile, SummaryJson.Format(summary));

    /// <summary>Reads <c>summary.json</c>, or null when there is none yet.</summary>
    /// <exception cref="RunFolderException">When the file is not a valid summary.</exception>
    public RunSummary? ReadSummary() => SummaryJson.Read(SummaryFile, SummaryFile);

    /// <summary>Appends events to <c>events.jsonl</c> (creating the folder and the file on the first one).</summary>
    public void AppendEvents(IEnumerable<RunEvent> events) => EventsJsonl.Append(EventsFile, events);

    /// <summary>The events of <c>events.jsonl</c> (a torn last line is left out).</summary>
    /// <exception cref="RunFolderException">When a complete line is malformed.</exception>
    public IReadOnlyList<RunEvent> ReadEvents() => EventsJsonl.Read(EventsFile, EventsFile, out _);

    /// <summary>The step records of <c>metrics.jsonl</c> (a torn last line is left out), e.g. to replay a diagnosis on resume.</summary>
    /// <exception cref="RunFolderException">When a complete line is malformed.</exception>
    public IReadOnlyList<StepRecord> ReadRecords() => Runs.MetricsJsonl.Read(MetricsJsonl, MetricsJsonl, out _);

    /// <summary>Writes <c>checkpoints/latest.json</c> atomically (after the tensor files it names are in place).</summary>
    /// <typeparam name="T">The trainer's checkpoint record; written with the run folder's JSON conventions.</typeparam>
    public void WriteCheckpointInfo<T>(T info) =>
        AtomicFile.WriteAllText(LatestCheckpoint, JsonSerializer.Serialize(info, RunJson.Indented) + "\n");

    /// <summary>Reads <c>checkpoints/latest.json</c>, or null when there is none.</summary>
    /// <typeparam name="T">The trainer's checkpoint record.</typeparam>
    public T? ReadCheckpointInfo<T>() where T : class => File.Exists(LatestCheckpoint)
        ? JsonSerializer.Deserialize<T>(File.ReadAllText(LatestCheckpoint), RunJson.Indented)
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
