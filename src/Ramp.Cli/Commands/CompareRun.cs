using Ramp.Runs;
using System.Globalization;
using Ramp.Cli.Cli;
using Ramp.Reports.Html;
using Ramp.Training.Data;
using Ramp.Training.Runs;
using Ramp.Training.Studies;
using Ramp.Training.Studies.Halving;
using TorchSharp;

namespace Ramp.Cli.Commands;

/// <summary>Checks a <see cref="CompareRequest"/>, expands the grid, trains its cells and writes the report.</summary>
public static class CompareRun
{
    /// <summary>Runs the request; user mistakes throw <see cref="UsageException"/>; returns 1 when a cell failed.</summary>
    public static int Execute(CompareRequest r, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(output);
        if ((r.Preset is null) == (r.GridFile is null)) throw new UsageException("compare: give exactly one of --preset NAME or " +
            "--grid-file FILE.json");
        if (r.Jobs < 1) throw new UsageException($"--jobs: must be at least 1 but was {r.Jobs}");
        if (r.Worker is not null) WorkerLifetime.FollowParent();
        if (r.GridFile is { } file) PathChecks.InputFile("--grid-file", file);
        PathChecks.OutputFolder("--out", r.Out);
        var shard = r.Shard is null ? Shard.All : ParseShard(r.Shard, "--shard");
        var grids = LoadGrids(r);
        if (r.Seeds is { } text)
        {
            var seeds = ParseSeeds(text);
            grids = grids.Select(g => g.WithSeeds(seeds)).ToArray();
        }
        var data = LoadData(grids);
        GridPlan plan;
        try
        {
            plan = GridExpansion.Expand(grids, g => data[g.CaseStudy].Train.Count);
        }
        catch (ArgumentException e)
        {
            var source = r.GridFile ?? "--preset " + r.Preset;
            throw new UsageException($"{source}: {CommandLineRunner.OneLine(e.Message)}", e);
        }
        var halving = r.Halving is { } h ? ParseHalving(h, r.Shard, r.Rung) : null;
        HalvingRungRun.Check(r, halving);
        // A rung's decisions compare every cell of an arm: its tasks see the whole grid and share its runs out themselves.
        var rung = r.Rung is not null ? new HalvingRungRun.Context(r, plan.Cells, shard, halving!, output) : null;
        var cells = rung is null ? plan.For(shard) : plan.Cells;
        if (r.Plan) return WritePlan(cells, halving, output);
        var devices = r.WorkerDevice is { } own ? new DeviceList([own]) : DeviceList.Parse(r.Devices, CudaCount);
        if (r.Worker is { } w) return RunWorker(r, ParseShard(w, "--worker"), cells, data, output, devices.For(0), halving, rung);
        if (rung is not null) return RunRung(r, rung, devices, data, cells, output);
        using var held = PathChecks.Lock("--out", r.Out, "compare");
        if (r.Force) DiscardRuns(r.Out);
        CheckNoConflict(r, cells, data);
        foreach (var note in plan.Notes) output.WriteLine($"note: {note}");
        var of = shard.Count > 1 ? $" (shard {shard} of a {plan.Cells.Count}-cell grid)" : "";
        var jobs = Math.Min(r.Jobs, Math.Max(1, cells.Count));
        output.WriteLine($"{cells.Count} runs{of}, {jobs} at a time, into {Path.GetFullPath(Path.Combine(r.Out, "runs"))}");
        var failed = new List<string>();
        // Without --halving every cell trains to its end, pruned ones of an earlier halving too: nothing is pruned any more.
        if (halving is null) File.Delete(Path.Combine(r.Out, HalvingLog.FileName));
        if (halving is null)
            new CompareProgress(output, cells.Count).Run(report => failed.AddRange(Train(r, jobs, devices, cells, null, data, report, [])));
        else
            HalvingRun.Execute(new HalvingRun.Context(r.Out, cells, halving, output),
                (stage, title, report) => failed.AddRange(Train(r, jobs, devices, [.. stage.Runs.Select(x => x.Cell)], PauseOf(stage),
                    data, report,
                    ["--halving-stage", stage.Index.ToString(CultureInfo.InvariantCulture)])));
        foreach (var f in failed) output.WriteLine($"failed: {f}");
        WriteReport(r, output);
        return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    // One rung of a halving study shared by many tasks: no study lock (the tasks share --out; each run has its own) and
    // no report (the tasks end at different times): `ramp report DIR` merges once the last rung is done.
    private static int RunRung(CompareRequest r, HalvingRungRun.Context rung, DeviceList devices, Dictionary<string, StudyData> data,
        IReadOnlyList<StudyCell> cells, TextWriter output)
    {
        CheckNoConflict(r, cells, data);
        var failed = HalvingRungRun.Execute(rung, (mine, pause, report) =>
            Train(r, Math.Min(r.Jobs, Math.Max(1, mine.Count)), devices, mine, pause, data, report, []));
        foreach (var f in failed) output.WriteLine($"failed: {f}");
        return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    // --plan: what would train, without training (and without creating anything).
    private static int WritePlan(IReadOnlyList<StudyCell> cells, HalvingOptions? halving, TextWriter output)
    {
        if (halving is null) output.WriteLine($"{cells.Count} runs to the end");
        else HalvingRun.WritePlan(cells, halving, output);
        return ExitCodes.Success;
    }

    // The cells of one pass (the whole grid, or a halving stage): in --jobs worker processes, or here.
    private static IReadOnlyList<string> Train(CompareRequest r, int jobs, DeviceList devices, IReadOnlyList<StudyCell> cells,
        Func<StudyCell, long>? pause, Dictionary<string, StudyData> data, Action<string> report, IReadOnlyList<string> extra)
    {
        if (jobs > 1) return CompareWorkers.Run(r.Tokens, jobs, report, devices, extra);
        var runner = new GridRunner(r.Out, Environment.ProcessorCount, r.CommandLine)
        {
            Device = devices.For(0), PauseAt = pause, Finished = o => report(CompareProgress.Describe(o)),
        };
        return [.. runner.Run(cells, data).Where(o => o.Action == CellAction.Failed).Select(o => o.Error!)];
    }

    private static Func<StudyCell, long> PauseOf(HalvingStage stage)
    {
        var at = stage.Runs.ToDictionary(x => x.Cell, x => x.StopAt);
        return c => at[c];
    }

    // A child process of --jobs N: its share of the cells (of its halving stage), one torch thread, plain lines, no report.
    private static int RunWorker(CompareRequest r, Shard worker, IReadOnlyList<StudyCell> cells, Dictionary<string, StudyData> data,
        TextWriter output,
        string device, HalvingOptions? halving, HalvingRungRun.Context? rung)
    {
        Func<StudyCell, long>? pause = null;
        if (rung is not null) (cells, pause) = HalvingRungRun.WorkerShare(rung);
        else if (halving is not null && r.Stage is { } k)
        {
            var stage = HalvingRun.Plan(r.Out, cells, halving).Stage(k);
            (cells, pause) = ([.. stage.Runs.Select(x => x.Cell)], PauseOf(stage));
        }
        var mine = cells.Where((_, i) => worker.Contains(i)).ToArray();
        var threads = Math.Max(1, Environment.ProcessorCount / worker.Count);
        var failed = 0;
        new CompareProgress(output, mine.Length, plain: true).Run(report =>
            failed = new GridRunner(r.Out, threads, r.CommandLine)
            {
                Device = device, PauseAt = pause, Finished = o
                => report(CompareProgress.Describe(o))
            }
                .Run(mine, data).Count(o => o.Action == CellAction.Failed));
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static int CudaCount() => torch.cuda.is_available() ? (int)torch.cuda.device_count() : 0;

    private static HalvingOptions ParseHalving(string text, string? shard, int? rung)
    {
        if (shard is not null && rung is null)
            throw new UsageException($"--halving: with --shard {shard} give --rung k too: a rung compares every cell of an arm, " +
                "so the shards run one rung at a time in one shared --out (docs/jobs/compare-slurm-halving.sh)");
        try
        {
            return HalvingOptions.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--halving: {e.Message}", e);
        }
    }

    // --force: the workers of a killed comparison may still be ending, so each run folder is taken under its lock.
    private static void DiscardRuns(string outDir)
    {
        var runs = Path.Combine(outDir, "runs");
        if (!Directory.Exists(runs)) return;
        foreach (var folder in Directory.GetDirectories(runs))
        {
            using var held = PathChecks.Lock("--out", folder);
            RunLock.ClearFolder(folder);
        }
    }

    // A changed grid must not mix old and new runs under one name: refused before any cell starts.
    private static void CheckNoConflict(CompareRequest r, IReadOnlyList<StudyCell> cells, Dictionary<string, StudyData> data)
    {
        var runner = new GridRunner(r.Out);
        var conflicts = cells
            .Select(c => CellState.Conflict(runner.FolderOf(c), CellRunner.Config(c, data[c.Grid.CaseStudy], r.CommandLine)))
            .OfType<string>().ToArray();
        if (conflicts.Length == 0) return;
        var more = conflicts.Length > 1 ? $" ({conflicts.Length - 1} more runs differ too)" : "";
        var first = conflicts[0].Replace("; remove the folder or choose another --out", "", StringComparison.Ordinal);
        throw new UsageException($"--out {r.Out}: {first}{more}; add --force to discard the old runs or choose another --out");
    }

    private static void WriteReport(CompareRequest r, TextWriter output)
    {
        var title = r.Preset is { } p ? $"Warmup comparison: {p} ({r.Grid} grid)" : $"Warmup comparison: {Path.GetFileName(r.GridFile)}";
        try
        {
            var path = ReportWriter.Write([r.Out], r.Out, new ReportOptions(title, Commands: [r.CommandLine]));
            output.WriteLine($"wrote {Path.GetFullPath(path)}");
            output.WriteLine($"  {Path.GetFullPath(Path.Combine(r.Out, "summary.csv"))}");
            output.WriteLine($"  {Path.GetFullPath(Path.Combine(r.Out, ReportWriter.ChartsFolder))}/ (PNG and SVG)");
        }
        catch (RunFolderException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    private static IReadOnlyList<StudyGrid> LoadGrids(CompareRequest r)
    {
        if (r.GridFile is { } file)
        {
            try
            {
                return GridFile.Read(file);
            }
            catch (GridFileException e)
            {
                throw new UsageException(CommandLineRunner.OneLine(e.Message), e);
            }
        }
        try
        {
            return StudyPresets.Get(r.Preset!, r.Grid);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--grid {r.Grid}: {e.Message}", e);
        }
    }

    private static Dictionary<string, StudyData> LoadData(IReadOnlyList<StudyGrid> grids)
    {
        var cache = new Dictionary<(string, string, int), StudyData>();
        var byStudy = new Dictionary<string, StudyData>();
        foreach (var g in grids)
        {
            var key = (g.Data, g.DataDir, g.Model.IsText ? g.Model.Context : 0);
            try
            {
                if (!cache.TryGetValue(key, out var d)) cache[key] = d = StudyData.Load(g);
                byStudy[g.CaseStudy] = d;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or IdxFormatException or ArgumentException)
            {
                throw new UsageException($"{g.CaseStudy}: data_dir {g.DataDir}: {CommandLineRunner.OneLine(e.Message)}", e);
            }
        }
        return byStudy;
    }

    private static Shard ParseShard(string text, string option)
    {
        try
        {
            return Shard.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option}: {e.Message}", e);
        }
    }

    /// <summary>Parses <c>1,2,3</c>, <c>1-5</c> or a mix (<c>1-3,7</c>).</summary>
    internal static int[] ParseSeeds(string text)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            if (range.Length == 2 && Int(range[0]) is { } a && Int(range[1]) is { } b
                && a <= b) seeds.AddRange(Enumerable.Range(a, b - a + 1));
            else if (range.Length == 1 && Int(part) is { } s) seeds.Add(s);
            else throw new UsageException($"--seeds: expected a list like 1,2,3 or a range like 1-5 but found '{part}'");
        }
        if (seeds.Distinct().Count() != seeds.Count) throw new UsageException($"--seeds: a seed is listed twice in '{text}'");
        return [.. seeds];
    }

    private static int? Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
