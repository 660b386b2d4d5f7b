using System.Globalization;
using Ramp.Cli.Cli;
using Ramp.Training.Data;
using Ramp.Training.Guards;
using Ramp.Training.Models;
using Ramp.Training.Tuning.AutoWarmup;
using Ramp.Training.Tuning.RangeTest;
using Ramp.Training.Tuning.Runner;
using Ramp.Training.Tuning.Validation;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Cli.Commands;

/// <summary>Checks a <see cref="FindLrRequest"/>, runs the range test and the cold-start search, prints and writes the results.</summary>
public static class FindLrRun
{
    /// <summary>K of the cold-start trials when <c>--cold-start-steps</c> is not given.</summary>
    public const int DefaultColdStartSteps = 20;

    /// <summary>Everything <c>find-lr</c> found, as written to <c>find-lr.json</c>; <paramref name="Inputs"/> is the
    /// images' normalisation (null for text).</summary>
    internal sealed record Findings(FindLrRequest Request, LrFindings Found, Validation? Check, double Seconds, PixelNormalization? Inputs)
    {
        public RangeTestResult RangeTest => Found.RangeTest;
        public IReadOnlyList<LrSuggestion> Suggestions => Found.Suggestions;
        public ColdStartResult? ColdStart => Found.ColdStart;
        public WarmupRecommendation? Recommendation => Found.Recommendation;
        public string? NoRecommendation => Found.NoRecommendation;
    }

    /// <summary>
    /// <c>--validate</c>: the recommended warmup and peak trained for <paramref name="Steps"/> steps with a cosine decay,
    /// next to half and twice the peak (same warmup); it held when the recommended run did not blow up and neither
    /// neighbour beat it by more than <paramref name="Tolerance"/> (accuracy for images, nats of test loss for text).
    /// </summary>
    internal sealed record Validation(long Steps, string Schedule, IReadOnlyList<(double Peak, TrialRun Run)> Runs, double Tolerance)
    {
        public TrialRun Recommended => Runs[1].Run;

        public bool Held => !Recommended.Diverged && Runs.All(r => r.Run.Diverged || r.Run.Score <= Recommended.Score + Tolerance);
    }

    /// <summary>Steps of a <c>--validate</c> run when <c>--total-steps</c> is not given.</summary>
    public const long DefaultValidateSteps = 200;

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
        if (r.Device == "cuda" && !torch.cuda.is_available()) throw new UsageException("--device cuda: no CUDA device is available (this " +
            "build has the CPU libtorch)");
        // Small models gain nothing from many threads, and oversubscribed threads spin on shared machines.
        torch.set_num_threads(Math.Clamp(Environment.ProcessorCount, 1, 4));
        var train = new TrainRequest(r.Model, r.Data, r.DataDir, r.Optimizer, r.StartLr, r.Momentum, "constant()", 1, null, r.Batch, r.Seed,
            r.Out, r.Device, GuardOptions.None, 0, 0, 1, false);
        var (data, test) = TrainRun.LoadData(train);
        if (data.Count < r.Batch) throw new UsageException($"--batch {r.Batch}: larger than the {data.Count} training examples");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        var device = torch.device(r.Device);
        var model = TrainRun.BuildModel(train, data.Classes);
        model.to(device);
        var optimizer = TrainRun.BuildOptimizer(train, model.parameters());
        var runner = new TuningRunner(model, optimizer, data, r.Batch, r.Seed, device);
        var profile = new OptimizerProfile(r.Optimizer, AutoWarmupSpecs.IsAdamFamily(r.Optimizer) ? AutoWarmupSpecs.DefaultBeta2 : null,
            (int)Math.Max(1, data.Count / r.Batch));
        var found = LrFinder.Find(runner, plan, r.ColdStartSteps, profile, r.TotalSteps);
        Validation? check = null;
        if (r.Validate && found.Recommendation is { } rec)
        {
            var steps = r.TotalSteps ?? DefaultValidateSteps;
            var schedule = TrainSchedule(rec.WarmupSteps, steps);
            var spec = Ramp.Schedules.Text.ScheduleText.Parse(schedule);
            var runs = new[] { rec.PeakLr / 2, rec.PeakLr, rec.PeakLr * 2 }.Select(peak =>
            {
                var set = spec.Bind([peak]);
                return (peak, runner.Train(t => set.LrAt(0, t), steps, test));
            }).ToArray();
            check = new Validation(steps, schedule, runs, data.IsLanguageModel ? 0.03 : 0.01);
        }
        var findings = new Findings(r, found, check, clock.Elapsed.TotalSeconds, (data as ImageData)?.Normalization);
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
            throw new UsageException($"--model {r.Model}: does not fit --data {r.Data} (transformer trains on text, the others on " +
                "fashion-mnist)");
        try
        {
            return new RangeTestPlan(r.StartLr, r.EndLr, r.Steps);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var option = ex.ParamName switch { "StartLr" => "--start-lr", "EndLr" => "--end-lr", _ => "--steps" };
            throw new UsageException($"{option}: {CommandLineRunner.OneLine(ex.Message)}", ex);
        }
    }

    private static void Print(Findings f, TextWriter output)
    {
        var range = f.RangeTest;
        output.WriteLine(F($"range test: {range.Points.Count} steps from {range.Plan.StartLr:G3} to {range.Points[^1].Lr:G3}, stopped: ") +
            F($"{StopText(range)}"));
        foreach (var s in f.Suggestions) output.WriteLine($"  {s.Explanation}");
        if (f.ColdStart is { } c)
        {
            output.WriteLine(F($"cold start: {c.Trials.Count} trials of {c.Plan.TrialSteps} steps without warmup; ") + c.Outcome switch
            {
                ColdStartOutcome.Bracketed or ColdStartOutcome.OutOfTrials =>
                    F($"largest surviving lr {c.LargestSurvivingLr:G4}, smallest failing {c.SmallestFailingLr:G4}"),
                ColdStartOutcome.AllSurvive => F($"even {c.Plan.MaxLr:G4} survived"),
                _ => F($"even {c.Plan.MinLr:G4} failed"),
            });
        }
        if (f.Recommendation is { } rec)
        {
            output.WriteLine(F($"recommended: peak lr {rec.PeakLr:G4}, linear warmup {rec.WarmupSteps} steps"));
            output.WriteLine("  why:");
            foreach (var line in rec.Rationale) output.WriteLine($"  - {line}");
            output.WriteLine(F($"  try: ramp train --model {f.Request.Model} --data {f.Request.Data} --optimizer {f.Request.Optimizer}")
                + (f.Request.Momentum != 0 ? F($" --momentum {f.Request.Momentum:R}") : "")
                + F($" --batch {f.Request.Batch} --lr {rec.PeakLr:G3} --schedule ") +
                    F($"\"{TrainSchedule(rec.WarmupSteps, f.Request.TotalSteps ?? DefaultValidateSteps)}\" --steps ") +
                    F($"{f.Request.TotalSteps ?? DefaultValidateSteps} --out runs/at-peak"));
        }
        else output.WriteLine($"no recommendation: {CommandLineRunner.OneLine(f.NoRecommendation ?? "")}");
        if (f.Check is { } v)
        {
            output.WriteLine(F($"validate: {v.Runs.Count} runs of {v.Steps} steps, \"{v.Schedule}\", at half, one and twice the peak:"));
            foreach (var (peak, run) in v.Runs) output.WriteLine(F($"  peak {peak:G4}: {FindLrBench.Describe(run)}"));
            output.WriteLine(v.Held
                ? "validate: held: the recommended peak trained without blowing up, and neither half nor twice the peak did clearly better"
                : v.Recommended.Diverged
                    ? "validate: did not hold: the recommended run blew up; use a lower peak or a longer warmup"
                    : F($"validate: did not hold: ") +
                        F($"{(v.Runs[0].Run.Score > v.Runs[2].Run.Score || v.Runs[2].Run.Diverged ? "half" : "twice")} the peak ") +
                        "trained clearly better; use that peak");
        }
        output.WriteLine(F($"wrote {Path.Combine(f.Request.Out, "find-lr.json")}, find-lr.csv, find-lr.png, find-lr.svg ") +
            F($"({f.Seconds:F1} s)"));
    }

    /// <summary>The schedule text of a run of <paramref name="steps"/> steps with the recommended warmup, then cosine.</summary>
    internal static string TrainSchedule(long warmup, long steps)
    {
        warmup = Math.Min(warmup, steps - 1);
        return warmup > 0 ? F($"warmup({warmup}) >> cosine({steps - warmup})") : F($"cosine({steps})");
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
