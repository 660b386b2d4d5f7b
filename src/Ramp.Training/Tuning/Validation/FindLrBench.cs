using System.Globalization;
using System.Text;
using Ramp.Schedules.Text;
using Ramp.Training.Data;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;
using Ramp.Training.Studies;
using Ramp.Training.Tuning.RangeTest;
using Ramp.Training.Tuning.Runner;
using static TorchSharp.torch;

namespace Ramp.Training.Tuning.Validation;

/// <summary>
/// Measures find-lr on one <see cref="FindLrCase"/>: runs its procedure (<see cref="LrFinder"/>), trains the recommended
/// (peak, warmup) with the preset's decay for the case's length, and trains the fixed sweep (each peak with a warmup of
/// a tenth of the run) to compare. Every run starts from the same initial weights and data order (seed 0).
/// </summary>
/// <remarks>
/// The sweep does not depend on find-lr, so it is kept in <c>sweep.csv</c> in the case's folder, and the runs of a
/// previous bench for the same case, schedule and peak are reused. The sweep stops once two successive peaks scored below the best so far
/// (or blew up): past the best, larger peaks only get worse on these short runs.
/// The range test is written to <c>range-test.csv</c> (raw and smoothed losses) so its curve can be looked at.
/// </remarks>
public static class FindLrBench
{
    /// <summary>Runs <paramref name="c"/> with find-lr's defaults (<paramref name="plan"/>, <paramref name="coldStartSteps"/>),
    /// writing into <paramref name="folder"/>/<c>Name</c>; <paramref name="log"/> gets a line per run.</summary>
    public static FindLrBenchRow Run(FindLrCase c, RangeTestPlan plan, int coldStartSteps, string folder, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        const int seed = 0;
        var dir = Path.Combine(folder, c.Name);
        Directory.CreateDirectory(dir);
        var grid = new StudyGrid(c.Name, c.Data, "shipped", c.Model, c.Optimizer, c.Batch, c.Steps, null, [], c.Sweep, [seed]);
        var data = StudyData.Load(grid);
        var epoch = data.Train.Count / c.Batch;
        using var scope = NewDisposeScope();
        var model = ModelFactory.Create(c.Model, data.Train.Classes, seed);
        var o = c.Optimizer;
        var optimizer = OptimizerFactory.Create(o.Name, model.parameters(), 1e-3, o.Momentum, o.Beta1, o.Beta2, o.Eps, o.WeightDecay);
        var runner = new TuningRunner(model, optimizer, data.Train, c.Batch, seed);
        var profile = new OptimizerProfile(o.Name, o.IsAdam ? o.Beta2 : null, (int)epoch);
        var findings = LrFinder.Find(runner, plan, coldStartSteps, profile, c.Steps);
        WriteRange(findings.RangeTest, Path.Combine(dir, "range-test.csv"));
        TrialRun? recommended = null;
        if (findings.Recommendation is { } rec)
        {
            recommended = Train(runner, c.Schedule(rec.WarmupSteps, epoch), rec.PeakLr, c.Steps, data.Test);
            log(F($"{c.Name}: recommended peak {rec.PeakLr:G4}, warmup {rec.WarmupSteps}: {Describe(recommended)}"));
        }
        else log($"{c.Name}: no recommendation: {findings.NoRecommendation}");
        var sweep = Sweep(c, runner, epoch, data, Path.Combine(dir, "sweep.csv"), log);
        return new FindLrBenchRow(c, findings, recommended, sweep);
    }

    private static IReadOnlyList<(double, TrialRun?)> Sweep(FindLrCase c, TuningRunner runner, long epoch, StudyData data,
        string file, Action<string> log)
    {
        var test = data.Test;
        var schedule = c.Schedule(c.SweepWarmup, epoch);
        // The inputs are part of what a cached run measured: runs on other inputs (before normalisation) are not reused.
        var inputs = data.Normalization is { } n ? F($" | inputs ({n.Mean:R}, {n.Std:R})") : "";
        var header = F($"# {c.Name} | {c.Optimizer} | batch {c.Batch} | steps {c.Steps} | {schedule}{inputs}");
        var cached = File.Exists(file) && File.ReadLines(file).First() == header
            ? File.ReadLines(file).Skip(2).Select(Parse).Where(r => r.Item2 is not null).ToDictionary(r => r.Item1, r => r.Item2!)
            : [];
        var rows = new List<(double, TrialRun?)>();
        var worse = 0;
        var best = double.NegativeInfinity;
        foreach (var peak in c.Sweep)
        {
            TrialRun? run = null;
            if (worse < 2)
            {
                if (!cached.TryGetValue(peak, out run))
                {
                    run = Train(runner, schedule, peak, c.Steps, test);
                    log(F($"{c.Name}: sweep peak {peak:G4}: {Describe(run)}"));
                }
                var score = run.Diverged ? double.NegativeInfinity : run.Score;
                worse = score < best ? worse + 1 : 0;
                best = Math.Max(best, score);
            }
            rows.Add((peak, run));
            Write(file, header, rows); // after each run: a long sweep that is stopped keeps what it measured
        }
        return rows;
    }

    private static void Write(string file, string header, IEnumerable<(double Peak, TrialRun? Run)> rows)
    {
        var csv = new StringBuilder(header).Append("\npeak,steps,first_loss,final_loss,diverged,test_loss,test_accuracy\n");
        foreach (var (peak, run) in rows)
            csv.Append(run is { } r
                ? F($"{peak:R},{r.Steps},{r.FirstLoss:R},{r.FinalLoss:R},{r.Diverged},{r.TestLoss:R},{r.TestAccuracy:R}\n")
                : F($"{peak:R},,,,,,\n"));
        File.WriteAllText(file, csv.ToString());
    }

    private static (double, TrialRun?) Parse(string line)
    {
        var f = line.Split(',');
        var peak = double.Parse(f[0], CultureInfo.InvariantCulture);
        if (f[1].Length == 0) return (peak, null);
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return (peak, new TrialRun(long.Parse(f[1], CultureInfo.InvariantCulture), D(2), D(3), bool.Parse(f[4]), D(5), f[6].Length == 0
            ? null : D(6)));
    }

    private static TrialRun Train(TuningRunner runner, string schedule, double peak, long steps, ITrainingData test)
    {
        var set = ScheduleText.Parse(schedule).Bind([peak]);
        return runner.Train(t => set.LrAt(0, t), steps, test);
    }

    private static void WriteRange(RangeTestResult range, string file)
    {
        var csv = new StringBuilder("iteration,lr,loss,smoothed_loss\n");
        foreach (var p in range.Points) csv.Append(F($"{p.Iteration},{p.Lr:R},{p.Loss:R},{p.SmoothedLoss:R}\n"));
        File.WriteAllText(file, csv.ToString());
    }

    /// <summary>A run in a few words: its test figure and whether it blew up.</summary>
    public static string Describe(TrialRun r) => (r.TestAccuracy is { } a ? F($"test accuracy {a:F3}") : F($"test loss {r.TestLoss:F3}"))
        + (r.Diverged ? F($", blew up at step {r.Steps}") : "");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
