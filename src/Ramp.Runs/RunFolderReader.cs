namespace Ramp.Runs;

/// <summary>
/// Reads run folders as <c>docs/run-folder.md</c> describes them. Runs still in progress or killed are read as
/// far as they got: a partial last line is dropped and a missing <c>summary.json</c> leaves
/// <see cref="Run.Summary"/> null. Malformed content throws <see cref="RunFolderException"/> naming the file
/// and the line.
/// </summary>
public static class RunFolderReader
{
    /// <summary>Whether <paramref name="dir"/> looks like a run folder (it holds <c>config.json</c>).</summary>
    public static bool IsRunFolder(string dir) => File.Exists(Path.Combine(dir, "config.json"));

    /// <summary>Reads the run folder <paramref name="dir"/>.</summary>
    /// <exception cref="RunFolderException">When <c>config.json</c> is missing or any file is malformed.</exception>
    public static Run Read(string dir)
    {
        var full = Path.GetFullPath(dir);
        var name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
        string Shown(string file) => Path.Combine(dir, file);
        var config = ConfigJson.Read(Path.Combine(full, "config.json"), Shown("config.json"));
        var jsonl = Path.Combine(full, "metrics.jsonl");
        bool cut;
        var metrics = File.Exists(jsonl)
            ? MetricsJsonl.Read(jsonl, Shown("metrics.jsonl"), out cut)
            : MetricsCsv.Read(Path.Combine(full, "metrics.csv"), Shown("metrics.csv"), out cut);
        // Two writers on one folder repeat steps; everything downstream assumes one row a step, in order.
        for (var i = 1; i < metrics.Count; i++)
            if (!(metrics[i].Step > metrics[i - 1].Step))
                throw new RunFolderException(Shown(File.Exists(jsonl) ? "metrics.jsonl" : "metrics.csv"), 0,
                    $"step {metrics[i].Step} follows step {metrics[i - 1].Step}: rows repeat (written twice, e.g. by two processes); " +
                        "delete the run folder and train it again");
        var events = EventsJsonl.Read(Path.Combine(full, "events.jsonl"), Shown("events.jsonl"), out var cutEvents);
        var summary = SummaryJson.Read(Path.Combine(full, "summary.json"), Shown("summary.json"));
        return new Run(name, full, config, metrics, events, summary, cut || cutEvents);
    }

    /// <summary>
    /// Reads every run under <paramref name="roots"/>: each root may be a run folder, a comparison directory
    /// holding <c>runs/</c>, or a directory of run folders. Shards of one comparison merge; a run seen twice
    /// (same case study, arm, peak LR and seed) is an error naming both folders.
    /// </summary>
    /// <exception cref="RunFolderException">When a root does not exist, holds no run, or a run is duplicated or malformed.</exception>
    public static IReadOnlyList<Run> ReadAll(IEnumerable<string> roots)
    {
        var runs = new List<Run>();
        var seen = new Dictionary<(string, string, double, long), string>();
        foreach (var root in roots)
        {
            if (!Directory.Exists(root)) throw new RunFolderException(root, 0, "no such directory");
            var folders = FoldersUnder(root);
            if (folders.Count == 0) throw new RunFolderException(root, 0, "holds no run folder (no config.json here, in runs/*/ or in */)");
            foreach (var folder in folders)
            {
                var run = Read(folder);
                var key = (run.CaseStudy, run.Arm, run.PeakLr, (long)run.Config.Seed);
                if (seen.TryGetValue(key, out var other))
                    throw new RunFolderException(folder, 0, $"the same run (arm {key.Item2}, peak lr {key.Item3}, seed {key.Item4}) is " +
                        $"also in {other}");
                seen[key] = folder;
                runs.Add(run);
            }
        }
        return runs;
    }

    private static List<string> FoldersUnder(string root)
    {
        if (IsRunFolder(root)) return [root];
        var runsDir = Path.Combine(root, "runs");
        var parent = Directory.Exists(runsDir) ? runsDir : root;
        return Directory.GetDirectories(parent).Where(IsRunFolder).Order(StringComparer.Ordinal).ToList();
    }
}
