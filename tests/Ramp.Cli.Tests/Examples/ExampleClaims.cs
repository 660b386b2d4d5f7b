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
/// least 0.5, five times chance) and reaches an accuracy its own line states; a guard flag shows one of its guards
/// acting (their events in events.jsonl), words naming "zclip lines", "skip lines" or "rollback and rewarm lines" need
/// those events and "no spike or NaN came" needs
/// no skip-step or roll-back event; <c>auto(...)</c> shows its decisions (auto_warmup events) and either reaches the
/// peak or says in the console that it held below it, and words saying it holds "far below" need summary.json's
/// <c>auto_warmup</c> to say so (not done, factor below 0.5, a suggested peak, the gates that held), the console's
/// sentence, and every hold or back-off event naming its gate; <c>--resume</c> continues (every step once, to the end).</item>
/// <item><c>find-lr</c>: a recommendation printed with its reasons (<c>why:</c>) and a <c>try: ramp train</c> line;
/// with <c>--validate</c> a line saying whether it held; words naming Adam's untuned 2/(1-beta2) need that warmup.</item>
/// <item><c>find-lr-bench</c>: table.md with a row for each case measured.</item>
/// <item><c>compare</c>: as many runs as its words state, and the README grid's arms doing what its page says; with
/// <c>--halving</c> the rung its words name and which cells went on; with <c>--devices</c> each run's recorded device.</item>
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
            case "find-lr": FindLr(e, r, broken); break;
            case "find-lr-bench":
                var table = r.At(Path.Combine(e.Option("--out")!, "table.md"));
                Exists(table, broken);
                foreach (var c in (e.Option("--cases") ?? ExamplePlan.BenchCase).Split(','))
                    if (File.Exists(table) && !File.ReadLines(table).Any(l => l.StartsWith($"| {c} |", StringComparison.Ordinal)))
                        broken.Add($"table.md has no row for {c}");
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

    private static void FindLr(DocumentedExample e, RampResult r, List<string> broken)
    {
        var json = r.At(Path.Combine(e.Option("--out")!, "find-lr.json"));
        foreach (var f in new[] { json, r.At(Path.Combine(e.Option("--out")!, "find-lr.png")) }) Exists(f, broken);
        if (!Regex.IsMatch(r.Stdout, @"^recommended: peak lr [0-9.eE+-]+, linear warmup \d+ steps", RegexOptions.Multiline))
            broken.Add("find-lr printed no recommended peak and warmup: " + r.Stdout);
        if (Regex.IsMatch(e.Prose, "reasons", RegexOptions.IgnoreCase) && !Regex.IsMatch(r.Stdout, @"^\s*why:\s*\n\s*- \S", RegexOptions.Multiline))
            broken.Add("the words promise its reasons but no 'why:' list was printed");
        if (Regex.IsMatch(e.Prose, "ramp train line", RegexOptions.IgnoreCase) && !Regex.IsMatch(r.Stdout, @"^\s*try: ramp train ", RegexOptions.Multiline))
            broken.Add("the words promise a ramp train line but none was printed");
        if (e.Has("--validate") && !Regex.IsMatch(r.Stdout, "^validate: (held|did not hold)", RegexOptions.Multiline))
            broken.Add("--validate given but no line says whether the recommendation held");
        if (e.Prose.Contains("2/(1-beta2)", StringComparison.Ordinal) && File.Exists(json))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var rec = doc.RootElement.GetProperty("recommendation");
            var reasons = string.Join(' ', rec.GetProperty("rationale").EnumerateArray().Select(x => x.GetString()));
            var beta2 = UntunedBeta2().Match(reasons);
            var untuned = beta2.Success ? (long)Math.Round(2 / (1 - double.Parse(beta2.Groups[1].Value, CultureInfo.InvariantCulture))) : -1;
            if (rec.GetProperty("warmup_steps").GetInt64() != untuned)
                broken.Add($"the words promise Adam's untuned 2/(1-beta2) warmup but it is {rec.GetProperty("warmup_steps")} ({reasons})");
        }
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
        var guards = GuardEvents.Where(g => e.Has(g.Key)).ToList();
        var guardEvents = run.Events.Where(ev => ev.Kind == "guard").ToList();
        if (guards.Count > 0 && !guardEvents.Any(ev => guards.Any(g => g.Value == ev.Name)))
            broken.Add($"{string.Join(' ', guards.Select(g => g.Key))} given but none of their events in events.jsonl: the guards never acted");
        foreach (var (words, names) in PromisedGuardLines)
            if (e.Prose.Contains(words, StringComparison.OrdinalIgnoreCase) && names.FirstOrDefault(n => !guardEvents.Any(ev => ev.Name == n)) is { } missing)
                broken.Add($"the words promise {words} in events.jsonl but there is no {missing} line");
        if (e.Prose.Contains("no spike or NaN came", StringComparison.OrdinalIgnoreCase) && guardEvents.Count(ev => ev.Name is "skip" or "rollback") is > 0 and var n)
            broken.Add($"the words say no spike or NaN came for skip-step or roll-back, but they acted {n} times");
        if (e.Option("--schedule") is { } spec && spec.TrimStart().StartsWith("auto(", StringComparison.Ordinal))
        {
            var auto = run.Events.Where(ev => ev.Kind == "auto_warmup").ToList();
            if (auto.Count == 0) broken.Add("auto() left no auto_warmup event");
            else if (!auto.Any(ev => ev.Name == "done") && !Regex.IsMatch(r.Stdout, @"below|could sustain|out of reach|held", RegexOptions.IgnoreCase))
                broken.Add($"auto() never reached its peak (last factor {auto[^1].Value:G3}) and the console does not say so: {r.Stdout.Trim().Split('\n')[^1]}");
            if (e.Prose.Contains("far below", StringComparison.OrdinalIgnoreCase)) AutoHeldFarBelow(run, r, auto, broken);
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

    /// <summary>Words of an example that promise guard lines in events.jsonl, and the event names each needs.</summary>
    private static readonly (string Words, string[] Names)[] PromisedGuardLines =
        [("zclip lines", ["zclip"]), ("skip lines", ["skip"]), ("rollback and rewarm lines", ["rollback", "rewarm"])];

    /// <summary>"The gates hold the rate far below it ... the console and summary.json say so ... events name the gate."</summary>
    private static void AutoHeldFarBelow(TrainedRun run, RampResult r, List<(string Kind, string Name, double Value, string Message)> auto, List<string> broken)
    {
        if (run.Auto is not { } a) { broken.Add("summary.json has no auto_warmup"); return; }
        if (a.Phase == "done" || !(a.FinalFactor < 0.5))
            broken.Add($"the words say auto() holds far below the peak, but it ended {a.Phase} at factor {a.FinalFactor:G3}");
        if (!(a.SuggestedPeak > 0)) broken.Add("summary.json's auto_warmup suggests no peak");
        if (a.GatesThatHeld == 0) broken.Add("summary.json's auto_warmup names no gate that held");
        if (!r.Stdout.Contains("auto() held the learning rate far below the requested peak", StringComparison.Ordinal))
            broken.Add("the console does not say that auto() held the rate far below the peak");
        foreach (var ev in auto.Where(ev => ev.Name is "hold" or "back_off").Take(1000))
            if (!GateNamed().IsMatch(ev.Message)) { broken.Add("an auto_warmup event does not name its gate: " + ev.Message); break; }
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
        if (e.Option("--halving") is not null) Halved(e, outDir, runs, broken);
        if (e.Option("--devices") is { } devices && devices.Split(',') is var listed)
            foreach (var run in runs.Where(x => !listed.Contains(x.Device)))
                broken.Add($"--devices {devices} but config.json of {run.Arm} {run.PeakLr} records device {run.Device}");
    }

    /// <summary>
    /// "In each arm the better of two peaks trains to the end, the other is pruned at step N (halving.jsonl; the report
    /// lists it as pruned)": per arm, the first rung at N keeps the cell in first place, whose run finishes; the other
    /// stops at N (or diverged before it) and the report says pruned.
    /// </summary>
    private static void Halved(DocumentedExample e, string outDir, List<TrainedRun> runs, List<string> broken)
    {
        var log = Path.Combine(outDir, "halving.jsonl");
        if (!File.Exists(log)) { broken.Add("no halving.jsonl in " + outDir); return; }
        var first = File.ReadLines(log).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(d => d.GetProperty("rung").GetInt32() == 0).ToList();
        var step = PrunedAt().Match(e.Prose) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        foreach (var arm in runs.GroupBy(r => r.Arm))
        {
            var decided = first.Where(d => d.GetProperty("arm").GetString() == arm.Key).ToList();
            if (decided.Count != 2 || decided.Any(d => d.GetProperty("step").GetInt64() != step))
                broken.Add($"arm {arm.Key}: the words say two peaks compared at step {step}, halving.jsonl has {decided.Count} at rung 1");
            foreach (var d in decided)
            {
                var run = arm.FirstOrDefault(r => r.PeakLr == d.GetProperty("peak_lr").GetDouble());
                var kept = d.GetProperty("kept").GetBoolean();
                if (kept != (d.GetProperty("place").GetInt32() == 1)) broken.Add($"arm {arm.Key}: the cell in place 1 is not the one kept");
                if (run is null) broken.Add($"arm {arm.Key}: no run for peak {d.GetProperty("peak_lr")}");
                else if (kept ? run.Status != "finished" : run.Status == "finished" || run.Steps > step)
                    broken.Add($"arm {arm.Key} peak {run.PeakLr}: kept {kept} but {run.Status} after {run.Steps} steps");
            }
        }
        var report = Path.Combine(outDir, "report.html");
        if (File.Exists(report) && !File.ReadAllText(report).Contains("pruned", StringComparison.Ordinal))
            broken.Add("report.html does not list the pruned cells");
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

    /// <summary>Each guard flag and the name of its events.</summary>
    private static readonly Dictionary<string, string> GuardEvents = new(StringComparer.Ordinal)
    {
        ["--skip-spikes"] = "skip", ["--rollback"] = "rollback", ["--zclip"] = "zclip", ["--agc"] = "agc", ["--clip"] = "clip",
    };

    [GeneratedRegex(@"^the [a-z-]+ gate (held the rate|backed off): ")]
    private static partial Regex GateNamed();

    [GeneratedRegex(@"2/\(1-beta2\)[^0-9]*beta2 = ([0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex UntunedBeta2();

    [GeneratedRegex(@"pruned at step (\d+)")]
    private static partial Regex PrunedAt();

    [GeneratedRegex(@"\((\d+) runs\)|# (\d+) runs")]
    private static partial Regex RunCount();
}
