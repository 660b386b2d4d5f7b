using System.Globalization;
using Ramp.Cli.Cli;
using Ramp.Training.Guards;
using Ramp.Training.Models;
using Ramp.Training.Tuning.AutoWarmup;
using Ramp.Training.Tuning.RangeTest;
using Ramp.Training.Tuning.Runner;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Cli.Commands;

/// <summary>Checks a <see cref="FindLrRequest"/>, runs the range test and the cold-start search, prints and writes the results.</summary>
public static class FindLrRun
{
    /// <summary>Everything <c>find-lr</c> found, as written to <c>find-lr.json</c>.</summary>
    internal sealed record Findings(FindLrRequest Request, RangeTestResult RangeTest, IReadOnlyList<LrSuggestion> Suggestions,
        ColdStartResult? ColdStart, WarmupRecommendation? Recommendation, string? NoRecommendation, double Seconds);

    /// <summary>Runs the request; user mistakes throw <see cref="UsageException"/>.</summary>
    public static int Execute(FindLrRequest r, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(output);
        var plan = Check(r);
        PathChecks.OutputFolder("--out", r.Out);
        using var held = PathChecks.Lock("--out", r.Out);
        if (!r.Force && File.Exists(Path.Combine(r.Out, "find-lr.json")))
            throw new UsageException($"--out {r.Out}: already holds find-lr results; add --force to replace them or choose another folder");
        if (r.Device == "cuda" && !torch.cuda.is_available()) throw new UsageException("--device cuda: no CUDA device is available (this build has the CPU libtorch)");
        // Small models gain nothing from many threads, and oversubscribed threads spin on shared machines.
        torch.set_num_threads(Math.Clamp(Environment.ProcessorCount, 1, 4));
        var train = new TrainRequest(r.Model, r.Data, r.DataDir, r.Optimizer, r.StartLr, r.Momentum, "constant()", 1, null, r.Batch, r.Seed,
            r.Out, r.Device, GuardOptions.None, 0, 0, 1, false);
        var (data, _) = TrainRun.LoadData(train);
        if (data.Count < r.Batch) throw new UsageException($"--batch {r.Batch}: larger than the {data.Count} training examples");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        var device = torch.device(r.Device);
        var model = TrainRun.BuildModel(train, data.Classes);
        model.to(device);
        var optimizer = TrainRun.BuildOptimizer(train, model.parameters());
        var runner = new TuningRunner(model, optimizer, data, r.Batch, r.Seed, device);
        var range = runner.RangeTest(plan);
        var series = RangeSeries.From(range);
        var suggestions = SuggestionRule.All.Select(rule => rule.Suggest(series)).ToArray();
        ColdStartResult? cold = null;
        if (r.ColdStartSteps > 0)
        {
            // Start near the ramp's edge: the cold-start limit lies below it, so few trials bracket it.
            var start = Math.Clamp((range.LastStableLr ?? r.EndLr) / 4, r.StartLr, r.EndLr);
            cold = runner.ColdStart(new ColdStartPlan(start, 2, 1.25, r.StartLr, r.EndLr, 16, r.ColdStartSteps));
        }
        var profile = new OptimizerProfile(r.Optimizer, AutoWarmupSpecs.IsAdamFamily(r.Optimizer) ? AutoWarmupSpecs.DefaultBeta2 : null,
            (int)Math.Max(1, data.Count / r.Batch));
        WarmupRecommendation? recommendation = null;
        string? why = null;
        try
        {
            recommendation = new WarmupRecommender().Recommend(range, cold, profile, r.TotalSteps);
        }
        catch (ArgumentException ex)
        {
            why = CommandLineRunner.OneLine(ex.Message.Split(" (Parameter")[0]);
        }
        var findings = new Findings(r, range, suggestions, cold, recommendation, why, clock.Elapsed.TotalSeconds);
        FindLrFiles.Write(findings);
        Print(findings, output);
        return ExitCodes.Success;
    }

    private static RangeTestPlan Check(FindLrRequest r)
    {
        if (r.Batch < 1) throw new UsageException($"--batch: must be at least 1 but was {r.Batch}");
        if (r.ColdStartSteps < 0) throw new UsageException($"--cold-start-steps: must be at least 0 but was {r.ColdStartSteps}");
        if (r.TotalSteps is < 1) throw new UsageException($"--total-steps: must be at least 1 but was {r.TotalSteps}");
        if (r.Momentum is < 0 or >= 1) throw new UsageException($"--momentum: must be in [0, 1) but was {Num(r.Momentum)}");
        if (r.Momentum != 0 && r.Optimizer != "sgd" && r.Optimizer != "rmsprop")
            throw new UsageException($"--momentum: only sgd and rmsprop take momentum, not {r.Optimizer}");
        if (ModelFactory.IsText(r.Model) != (r.Data == "text"))
            throw new UsageException($"--model {r.Model}: does not fit --data {r.Data} (transformer trains on text, the others on fashion-mnist)");
        try
        {
            return new RangeTestPlan(r.StartLr, r.EndLr, r.Steps);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var option = ex.ParamName switch { "StartLr" => "--start-lr", "EndLr" => "--end-lr", _ => "--steps" };
            throw new UsageException($"{option}: {CommandLineRunner.OneLine(ex.Message.Split(" (Parameter")[0])}", ex);
        }
    }

    private static void Print(Findings f, TextWriter output)
    {
        var range = f.RangeTest;
        output.WriteLine(F($"range test: {range.Points.Count} steps from {range.Plan.StartLr:G3} to {range.Points[^1].Lr:G3}, stopped: {StopText(range)}"));
        foreach (var s in f.Suggestions) output.WriteLine($"  {s.Explanation}");
        if (f.ColdStart is { } c)
        {
            output.WriteLine(F($"cold start: {c.Trials.Count} trials of {c.Plan.TrialSteps} steps without warmup; ") + c.Outcome switch
            {
                ColdStartOutcome.Bracketed or ColdStartOutcome.OutOfTrials => F($"largest surviving lr {c.LargestSurvivingLr:G4}, smallest failing {c.SmallestFailingLr:G4}"),
                ColdStartOutcome.AllSurvive => F($"even {c.Plan.MaxLr:G4} survived"),
                _ => F($"even {c.Plan.MinLr:G4} failed"),
            });
        }
        if (f.Recommendation is { } rec)
        {
            output.WriteLine(F($"recommended: peak lr {rec.PeakLr:G4}, linear warmup {rec.WarmupSteps} steps"));
            foreach (var line in rec.Rationale) output.WriteLine($"  {line}");
        }
        else output.WriteLine($"no recommendation: {f.NoRecommendation}");
        output.WriteLine(F($"wrote {Path.Combine(f.Request.Out, "find-lr.json")}, find-lr.csv, find-lr.png, find-lr.svg ({f.Seconds:F1} s)"));
    }

    internal static string StopText(RangeTestResult r) => r.StopReason switch
    {
        RangeStopReason.Diverged => F($"the smoothed loss exceeded {r.Plan.DivergenceFactor:G3}x its best at lr {r.DivergenceLr:G3}"),
        RangeStopReason.NonFinite => F($"the loss became non-finite at lr {r.DivergenceLr:G3}"),
        _ => "the ramp ran to its end without diverging",
    };

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
