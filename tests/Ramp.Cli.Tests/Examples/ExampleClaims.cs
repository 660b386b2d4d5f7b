using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ramp.Cli.Tests.Examples;

/// <summary>
/// What an example's words promise, checked on what its run wrote. Every example must exit 0 without a stack
/// trace and write what it names; then, by command:
/// <list type="bullet">
/// <item><c>lr</c>: a CSV with one row per step (and a momentum column when the words say momentum).</item>
/// <item><c>plot</c>, <c>demo</c>, <c>find-lr</c>, <c>report</c>, <c>compare</c>: the files they name, readable.</item>
/// <item><c>train</c>: the run trains (finished, not diverged, loss below its start, Fashion-MNIST test accuracy at
/// least 0.5, five times chance) and reaches an accuracy its own line states; a guard flag shows its guard acting
/// (guard events in events.jsonl); <c>auto(...)</c> shows its decisions (auto_warmup events) and either reaches the
/// peak or says in the console that it held below it; <c>--resume</c> continues (every step once, to the end).</item>
/// <item><c>compare</c>: as many runs as its words state, and the README grid's arms doing what its page says.</item>
/// </list>
/// </summary>
public static partial class ExampleClaims
{
    /// <summary>Every broken promise of <paramref name="e"/> in <paramref name="r"/>; empty when all hold.</summary>
    public static List<string> Broken(DocumentedExample e, ExamplePlan plan, RampResult r)
    {
        var broken = new List<string>();
        if (r.Code != 0) return [$"exit code {r.Code}: {r.Stderr.Trim()}"];
        if (r.Stderr.Contains("   at ", StringComparison.Ordinal) || r.Stderr.Contains("Exception", StringComparison.Ordinal))
            broken.Add("stderr shows an exception: " + r.Stderr);
        if (e.Option("-o", "--output") is { } file) CheckChart(r.At(file), broken);
        switch (e.Command)
        {
            case "lr": Lr(e, e.StdoutTo is { } to ? File.ReadAllText(r.At(to)) : r.Stdout, broken); break;
            case "train": Train(e, plan, r, broken); break;
            case "compare": Compare(e, plan, r, broken); break;
            case "report": Report(r.At(e.Option("--out", "-o") ?? e.Args[1]), broken); break;
            case "demo": Exists(r.At(Path.Combine(e.Option("--out")!, "index.html")), broken); break;
            case "find-lr":
                foreach (var f in new[] { "find-lr.json", "find-lr.png" }) Exists(r.At(Path.Combine(e.Option("--out")!, f)), broken);
                if (!Regex.IsMatch(r.Stdout, "peak", RegexOptions.IgnoreCase) || !Regex.IsMatch(r.Stdout, "warmup", RegexOptions.IgnoreCase))
                    broken.Add("find-lr printed no recommended peak and warmup: " + r.Stdout);
                break;
        }
        return broken;
    }

    /// <summary>An accuracy the example's own line states ("test accuracy 0.84", "reaches 0.84 accuracy"), or null.</summary>
    public static double? StatedAccuracy(DocumentedExample e)
    {
        var own = e.Prose.Split('\n')[0];
        var m = StatedAccuracyText().Match(own);
        if (!m.Success) return null;
        return double.Parse(m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value, CultureInfo.InvariantCulture);
    }

    private static void Lr(DocumentedExample e, string csv, List<string> broken)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var steps = long.Parse(e.Option("--steps")!, CultureInfo.InvariantCulture);
        if (lines.Length == 0 || !lines[0].Split(',').Any(c => c.StartsWith("lr", StringComparison.Ordinal))) broken.Add("no lr column in: " + lines.FirstOrDefault());
        else if (lines.Length - 1 != steps) broken.Add($"{lines.Length - 1} rows for --steps {steps}");
        if (e.Prose.Contains("momentum", StringComparison.OrdinalIgnoreCase) && lines.Length > 0 && !lines[0].Contains("momentum", StringComparison.Ordinal))
            broken.Add("the words promise momentum but the header is: " + lines[0]);
    }

    private static void Train(DocumentedExample e, ExamplePlan plan, RampResult r, List<string> broken)
    {
        var dir = r.At(e.Option("--out")!);
        var run = TrainedRun.Read(dir);
        if (run is null) { broken.Add($"no summary.json in {dir}"); return; }
        var text = e.Option("--data") == "text";
        if (run.Status != "finished" || run.Diverged) broken.Add($"the run did not train: status {run.Status}, diverged {run.Diverged}");
        if (!(run.FinalLoss < run.InitialLoss)) broken.Add($"loss did not fall: {run.InitialLoss} -> {run.FinalLoss}");
        if (!text && !(run.EvalAccuracy >= 0.5)) broken.Add($"test accuracy {run.EvalAccuracy} is below 0.5 (chance is 0.1): it does not train");
        if (StatedAccuracy(e) is { } stated && !(run.EvalAccuracy >= stated - 0.015))
            broken.Add($"its line states accuracy {stated} but the run reached {run.EvalAccuracy}");
        string[] guardFlags = ["--skip-spikes", "--rollback", "--zclip", "--agc", "--clip"];
        if (guardFlags.Any(e.Has) && run.Events.Count(ev => ev.Kind == "guard") == 0)
            broken.Add($"{string.Join(' ', guardFlags.Where(e.Has))} given but no guard event in events.jsonl: the guard never acted");
        if (e.Option("--schedule") is { } spec && spec.TrimStart().StartsWith("auto(", StringComparison.Ordinal))
        {
            var auto = run.Events.Where(ev => ev.Kind == "auto_warmup").ToList();
            if (auto.Count == 0) broken.Add("auto() left no auto_warmup event");
            else if (!auto.Any(ev => ev.Name == "done") && !Regex.IsMatch(r.Stdout, @"below|could sustain|out of reach|held", RegexOptions.IgnoreCase))
                broken.Add($"auto() never reached its peak (last factor {auto[^1].Value:G3}) and the console does not say so: {r.Stdout.Trim().Split('\n')[^1]}");
        }
        if (e.Has("--resume"))
        {
            using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json")));
            var steps = config.RootElement.GetProperty("steps").GetInt64();
            var rows = File.ReadLines(Path.Combine(dir, "metrics.csv")).Skip(1).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
            if (plan.KilledAt is not { } killed || killed >= steps)
                broken.Add($"the run it resumes was not killed part-way (checkpoint {plan.KilledAt} of {steps} steps)");
            if (!rows.SequenceEqual(Enumerable.Range(0, (int)steps).Select(i => (long)i)))
                broken.Add($"the resumed run's rows are not steps 0..{steps - 1} once each ({rows.Count} rows)");
        }
    }

    private static void Compare(DocumentedExample e, ExamplePlan plan, RampResult r, List<string> broken)
    {
        var outDir = r.At(e.Option("--out")!);
        Report(outDir, broken);
        var runs = Directory.Exists(Path.Combine(outDir, "runs"))
            ? Directory.GetDirectories(Path.Combine(outDir, "runs")).Select(TrainedRun.Read).OfType<TrainedRun>().ToList() : [];
        if (runs.Count == 0) broken.Add("no run folder under " + outDir);
        if (!plan.Sharded && RunCount().Match(e.Prose) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) != runs.Count)
            broken.Add($"the words say {m.Groups[1].Value} runs but the grid ran {runs.Count}");
        if (e.Option("--preset") == "deep-mlp" && e.Option("--grid") == "readme")
            ReadmeGrid(runs, broken);
    }

    /// <summary>
    /// docs/readme-main-command.md: "without warmup the network does not train at either peak ... and auto() trains
    /// it at both"; the README: without warmup, a 60-step warmup and auto(), two peaks, two seeds.
    /// </summary>
    private static void ReadmeGrid(List<TrainedRun> runs, List<string> broken)
    {
        var arms = runs.Select(r => r.Arm).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (!arms.SequenceEqual(["auto", "none", "warmup-60"])) broken.Add("arms are " + string.Join(", ", arms));
        foreach (var run in runs.Where(r => r.Arm == "none" && !r.Diverged && r.EvalAccuracy >= 0.2))
            broken.Add($"without warmup, seed {run.Seed} at {run.PeakLr} trained (accuracy {run.EvalAccuracy}), but the page says it does not");
        foreach (var run in runs.Where(r => r.Arm == "auto" && (r.Diverged || !(r.EvalAccuracy >= 0.7))))
            broken.Add($"auto(), seed {run.Seed} at {run.PeakLr}, did not train (accuracy {run.EvalAccuracy}), but the page says it does at both peaks");
    }

    private static void Report(string dir, List<string> broken)
    {
        Exists(Path.Combine(dir, "report.html"), broken);
        Exists(Path.Combine(dir, "summary.csv"), broken);
        if (File.Exists(Path.Combine(dir, "report.html")) && !File.ReadAllText(Path.Combine(dir, "report.html")).Contains("<svg", StringComparison.Ordinal)
            && !File.ReadAllText(Path.Combine(dir, "report.html")).Contains("data:image/svg+xml", StringComparison.Ordinal))
            broken.Add("report.html has no chart");
    }

    private static void CheckChart(string path, List<string> broken)
    {
        if (!File.Exists(path)) { broken.Add("not written: " + path); return; }
        var bytes = File.ReadAllBytes(path);
        var ok = path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
            ? bytes.Length > 1000 && bytes[0] == 0x89 && bytes[1] == (byte)'P'
            : System.Text.Encoding.UTF8.GetString(bytes).Contains("<svg", StringComparison.Ordinal);
        if (!ok) broken.Add("not a readable chart: " + path);
    }

    private static void Exists(string path, List<string> broken)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0) broken.Add("not written: " + path);
    }

    [GeneratedRegex(@"accuracy (?:of |about |near |~)?(?<a>0\.\d+)|(?<b>0\.\d+) (?:test )?accuracy", RegexOptions.IgnoreCase)]
    private static partial Regex StatedAccuracyText();

    [GeneratedRegex(@"\((\d+) runs\)|# (\d+) runs")]
    private static partial Regex RunCount();
}
