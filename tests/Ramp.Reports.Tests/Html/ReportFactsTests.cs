using System.Text.Json;
using System.Text.RegularExpressions;
using Ramp.Reports.Charts;
using Ramp.Reports.Html;
using Ramp.Reports.Measures;
using Ramp.Runs;
using Ramp.Reports.Tests.Fixtures;

namespace Ramp.Reports.Tests.Html;

/// <summary>What the report states is what its runs hold: counts, thresholds, headers, verdict, clip range, commands.</summary>
public class ReportFactsTests
{
    static (string Html, IReadOnlyList<Run> Runs) Report(TempDir tmp, Action<string>? extra = null)
    {
        SyntheticGrid.Write(tmp.Sub("cmp"));
        extra?.Invoke(tmp.Sub("cmp"));
        var runs = RunFolderReader.ReadAll([tmp.Sub("cmp")]);
        var path = ReportWriter.Write(runs, tmp.Sub("out"),
            new ReportOptions(Commands: ["ramp compare --preset x --out cmp --worker 1/2", "ramp compare --preset x --out cmp --worker 0/2"]));
        return (File.ReadAllText(path), runs);
    }

    [Fact]
    public void Header_counts_finished_and_diverged_runs()
    {
        using var tmp = new TempDir();
        var (html, _) = Report(tmp);
        var diverged = SyntheticGrid.Arms.Sum(a => SyntheticGrid.PeakLrs.Sum(lr => Enumerable.Range(1, 3).Count(s => SyntheticGrid.Diverges(a, lr, s))));

        Assert.Equal(10, diverged); // by construction: 9 without warmup, 1 with warmup-20
        Assert.Contains($">{diverged} diverged<", html);
        Assert.Contains($">{45 - diverged} finished<", html);
        Assert.DoesNotContain("all runs finished", html);
    }

    [Fact]
    public void Arm_table_headers_are_unique_and_the_thresholds_are_stated()
    {
        using var tmp = new TempDir();
        var (html, _) = Report(tmp);
        var table = Regex.Match(html, "<table class=\"measures\">.*?</thead>", RegexOptions.Singleline).Value;
        var headers = Regex.Matches(table, "<th[^>]*>([^<]+)</th>").Select(m => m.Groups[1].Value.ToUpperInvariant()).ToList();

        Assert.Equal(8, headers.Count);
        Assert.Equal(headers.Count, headers.Distinct().Count());
        Assert.Contains("at most 20% of the seeds diverged (--stable-rate 0.2)", html);
    }

    [Fact]
    public void Commands_are_shown_as_typed_without_worker_flags()
    {
        using var tmp = new TempDir();
        var (html, _) = Report(tmp);
        var commands = Regex.Match(html, "<section id=\"commands\".*?</pre>", RegexOptions.Singleline).Value;

        Assert.DoesNotContain("--worker", commands);
        Assert.Single(Regex.Matches(commands, "ramp compare --preset x --out cmp"));
    }

    [Fact]
    public void What_was_trained_and_what_each_arm_means_are_at_the_top()
    {
        using var tmp = new TempDir();
        var (html, _) = Report(tmp);
        var setup = html[html.IndexOf("What was trained", StringComparison.Ordinal)..html.IndexOf("data-verdict", StringComparison.Ordinal)];

        Assert.Contains("<th>Steps</th><td>120</td>", setup);
        Assert.Contains("<th>Seeds</th><td>1, 2, 3</td>", setup);
        Assert.Contains("<th>Peak learning rates</th><td>0.1, 0.2, 0.4, 0.8, 1.6</td>", setup);
        Assert.Equal(3, Regex.Matches(setup, "<tr data-setup-arm=").Count);
    }

    [Fact]
    public void A_halved_study_lists_every_peak_of_the_grid_and_names_those_only_pruned_cells_had()
    {
        using var tmp = new TempDir();
        var cmp = tmp.Sub("cmp");
        SyntheticGrid.Write(cmp);
        // Rung 1 at step 40: every arm's cell at 1.6 pruned, and warmup-60's at 0.8 (0.8 keeps cells in the other arms).
        var pruned = SyntheticGrid.Arms.Select(a => (Arm: a, Lr: 1.6)).Append((Arm: "warmup-60", Lr: 0.8));
        HalvingLog.Write(cmp, pruned.Select(p => new HalvingDecision(0, 40, "mlp", p.Arm, p.Lr, "accuracy", 0.1, false, 5, 5, 2)));
        var runs = RunFolderReader.ReadAll([cmp]);
        var html = File.ReadAllText(ReportWriter.WriteStudy([cmp], runs, tmp.Sub("out"), null));
        var setup = html[html.IndexOf("What was trained", StringComparison.Ordinal)..html.IndexOf("data-verdict", StringComparison.Ordinal)];

        Assert.Contains("<th>Peak learning rates</th><td>0.1, 0.2, 0.4, 0.8, 1.6 (1.6: every cell pruned by successive halving, " +
            "so not in the measures below)</td>", setup);
    }

    [Theory]
    [InlineData("none", "cosine(300)", "no warmup")]
    [InlineData("warmup-60", "warmup(60) >> cosine(240)", "linear warmup from near 0 to the peak over the first 60 steps, then cosine(240)")]
    [InlineData("auto", "auto() >> cosine(300)", "automatic warmup")]
    public void Arm_names_are_explained_from_their_schedules(string arm, string schedule, string meaning) =>
        Assert.Contains(meaning, TrainingSetup.Meaning(arm, schedule));

    [Fact]
    public void Internal_worker_flags_are_dropped_and_duplicates_merged() =>
        Assert.Equal(["ramp compare --grid readme --out a"],
            CommandLines.AsTyped(["ramp compare --grid readme --out a --worker 0/2", "ramp compare --grid readme --out a --worker 1/2"]));

    [Fact]
    public void Verdict_never_credits_warmup_when_fixed_warmups_diverged_more_often()
    {
        // The smoke-grid shape of the issue: none 1/8 diverged, two fixed warmups 2/8 each, auto 0/8.
        var m = Grid(("none", [0, 1]), ("warmup-15", [0, 2]), ("warmup-31", [0, 2]), ("auto", [0, 0]));

        var v = Verdict.For(m, 0.8);

        Assert.Contains("warmup-15 and warmup-31 diverged more often", v.Headline);
        Assert.DoesNotContain("Warmup made", v.Headline);
        Assert.Contains(v.Sentences, s => s.StartsWith("warmup-15 diverged more often than no warmup: 2 of 8 runs against 1 of 8", StringComparison.Ordinal));
        Assert.Contains("Diverged runs over the grid: none 1/8, warmup-15 2/8, warmup-31 2/8, auto 0/8.", v.Sentences);
    }

    [Fact]
    public void Verdict_says_warmup_made_training_less_stable_when_every_warmup_did_worse()
    {
        var m = Grid(("none", [0, 0]), ("warmup-15", [0, 3]));

        Assert.StartsWith("Warmup made training less stable here", Verdict.For(m, 0.8).Headline);
    }

    [Fact]
    public void Loss_axis_stops_a_decade_above_the_starting_loss_and_marks_what_is_off_scale()
    {
        using var tmp = new TempDir();
        var blowUp = (Action<string>)(root => new RunWriter
        {
            Dir = Path.Combine(root, "runs", "huge"), CaseStudy = "mlp", Arm = "no-warmup", PeakLr = 1.6, Seed = 4, Steps = 120,
            Loss = t => 2.3 * Math.Pow(10, t / 3.0), // 1e40 by the end: finite, enormous
        }.Write());
        SyntheticGrid.Write(tmp.Sub("cmp"));
        blowUp(tmp.Sub("cmp"));
        var m = Measure.Compute(RunFolderReader.ReadAll([tmp.Sub("cmp")])).Single();

        var axis = LossCurvesChart.Axis(m, 1.6);
        var chart = LossCurvesChart.Write(m, 1.6, tmp.Sub("charts"), "loss");

        Assert.InRange(Math.Pow(10, axis.High), 23, 23 * 1.5); // 10 x the largest starting loss 2.3, plus a little padding
        Assert.Contains("(off scale)", File.ReadAllText(chart.SvgPath));
        Assert.Contains("off scale", chart.Caption);
    }

    [Fact]
    public void Zero_on_a_log_axis_is_placed_on_the_bottom_edge_not_dropped()
    {
        var axis = LogAxis.Fit([0.0, 0.01, 1, 10]);

        var (y, above, below) = axis.Place(0);

        Assert.Equal(axis.Low, y);
        Assert.True(below && !above);
        Assert.True(axis.Low < -2 && axis.High > 1); // zero does not stretch the axis; 0.01 and 10 fit inside
    }

    [Fact]
    public void Decision_charts_show_a_failed_run_of_every_arm_that_failed()
    {
        using var tmp = new TempDir();
        SyntheticGrid.Write(tmp.Sub("cmp"));
        var m = Measure.Compute(RunFolderReader.ReadAll([tmp.Sub("cmp")])).Single();

        var picked = CaseStudyCharts.DecisionRuns(m, 1.6).Select(p => (p.Run.Arm, (long)p.Run.Config.Seed)).ToList();

        Assert.Equal([("no-warmup", 1L), ("warmup-20", 1L), ("warmup-60", 1L)], picked);
    }

    [Fact]
    public void Each_auto_run_shows_what_auto_did_its_sustained_rate_and_suggested_peak()
    {
        using var tmp = new TempDir();
        var held = new AutoWarmupOutcome(1.5, "warming", null, 0.085, 0.1275, 89, 9, new Dictionary<string, int> { ["catapult"] = 60, ["update-ratio"] = 38 },
            0.12, "auto() held the learning rate far below the requested peak 1.5: the run ended while it was still warming.");
        var reached = new AutoWarmupOutcome(0.2, "done", 40, 1, 0.2, 3, 0, new Dictionary<string, int> { ["loss-z"] = 3 },
            null, "auto() reached the requested peak 0.2 at step 40 after 3 holds and 0 back-offs.");
        var (html, _) = Report(tmp, cmp =>
        {
            new RunWriter { Dir = Path.Combine(cmp, "runs", "mlp-auto-lr1.5-s1"), Arm = "auto", PeakLr = 1.5, Seed = 1, Steps = SyntheticGrid.Steps, AutoWarmup = held }.Write();
            new RunWriter { Dir = Path.Combine(cmp, "runs", "mlp-auto-lr0.2-s1"), Arm = "auto", PeakLr = 0.2, Seed = 1, Steps = SyntheticGrid.Steps, AutoWarmup = reached }.Write();
        });
        var rows = Regex.Matches(html, "<tr data-auto-run=\"([^\"]+)\"(.*?)</tr>", RegexOptions.Singleline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal(["mlp-auto-lr0.2-s1", "mlp-auto-lr1.5-s1"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("held far below (8.5% of the peak)", rows["mlp-auto-lr1.5-s1"]);
        Assert.Contains("<td class=\"num\">0.1275</td><td class=\"num\">0.12</td>", rows["mlp-auto-lr1.5-s1"]);
        Assert.Contains("auto() held the learning rate far below the requested peak 1.5", rows["mlp-auto-lr1.5-s1"]);
        Assert.Contains("reached the peak", rows["mlp-auto-lr0.2-s1"]);
        Assert.Contains("<td class=\"num\">–</td>", rows["mlp-auto-lr0.2-s1"]);
        Assert.Contains("In 1 of 2 runs with automatic warmup the gates held the rate below half the requested peak", html);
    }

    [Fact]
    public void A_report_without_auto_runs_has_no_auto_table()
    {
        using var tmp = new TempDir();
        var (html, _) = Report(tmp);

        Assert.DoesNotContain("What auto() did", html);
    }

    static CaseStudyMeasures Grid(params (string Arm, int[] Diverged)[] arms)
    {
        double[] peaks = [0.2, 0.8];
        var config = new RunConfig(ModelName.Mlp, "fashion-mnist", null, "sgd", 0.1, "constant()", 10, null, 32, 0, "cpu");
        var run = new Run("x", "x", config, [], [], null, false);
        var list = arms.Select(a =>
        {
            var cells = peaks.Select((p, i) => new GridCell(a.Arm, p,
                Enumerable.Range(0, 4).Select(k => new RunOutcome(run, k < a.Diverged[i], "", 0.8, 0.8, 10)).ToList(),
                a.Diverged[i], 0.8, 4, 10)).ToList();
            var stable = cells.Where(c => c.DivergenceRate <= 0.2).Select(c => c.PeakLr).DefaultIfEmpty(double.NaN).Max();
            return new ArmMeasures(a.Arm, cells, double.IsNaN(stable) ? null : stable, 0.8, 0.2, 10, 0.2, 8, 8);
        }).ToList();
        return new CaseStudyMeasures("grid", MetricKind.Accuracy, 0.8, peaks, list);
    }
}
