using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Data;
using Ramp.Training.Models;
using Ramp.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Benchmarks;

/// <summary>
/// <c>optimizer.step()</c> of each warmup-free optimizer against TorchSharp's own Adam on the same model, measured in
/// pairs for a shared machine: each round times 50 steps of every optimizer back to back (the order rotating from
/// round to round) on its own copy of the model, with the gradients of one fixed batch, and the ratios are taken within
/// the round. Run with <c>-- paired-optimizers [rounds]</c>.
/// </summary>
public static class PairedOptimizerSteps
{
    private const int Steps = 50;

    /// <summary>Runs <paramref name="rounds"/> rounds after five warm-up rounds and prints median ratios with quartiles.</summary>
    public static void Run(int rounds, TextWriter output)
    {
        set_num_threads(1);
        var (train, _) = FashionMnist.LoadShipped();
        var ix = Enumerable.Range(0, 256).ToArray();
        using var x = train.Images(ix).DetachFromDisposeScope();
        using var y = train.Labels(ix).DetachFromDisposeScope();
        (string Name, Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> Make)[] optimizers =
        [
            ("TorchSharp Adam", p => optim.Adam(p, 1e-3)),
            ("Ramp Adam", p => new Adam(p, 1e-3)),
            ("Ramp Adam, GI (--gi)", p => new Adam(p, 1e-3) { GradientInit = true }),
            ("ScheduleFreeAdamW", p => new ScheduleFreeAdamW(p, 1e-3)),
            ("ScheduleFreeSgd", p => new ScheduleFreeSgd(p, 0.1)),
            ("Prodigy", p => new Prodigy(p)),
            ("StableAdamW", p => new StableAdamW(p, 1e-3, weightDecay: 0.01)),
        ];
        var models = optimizers.Select(_ => new Mlp(seed: 0)).ToArray();
        var steppers = new optim.Optimizer[optimizers.Length];
        for (var v = 0; v < optimizers.Length; v++)
        {
            steppers[v] = optimizers[v].Make(models[v].parameters());
            using var _ = NewDisposeScope();
            steppers[v].zero_grad();
            nn.functional.cross_entropy(models[v].call(x), y).backward(); // fixed gradients: only step() is timed
        }
        var ms = optimizers.Select(_ => new double[rounds]).ToArray();
        for (var r = -5; r < rounds; r++)
            for (var k = 0; k < optimizers.Length; k++)
            {
                var v = (k + Math.Max(r, 0)) % optimizers.Length;
                var start = Stopwatch.GetTimestamp();
                for (var s = 0; s < Steps; s++)
                {
                    using var _ = NewDisposeScope();
                    steppers[v].step();
                }
                if (r >= 0) ms[v][r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / Steps;
            }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rounds} rounds of {Steps} optimizer steps each, MLP 784-256-256-10 (fixed gradients of one batch of 256), torch threads = 1"));
        output.WriteLine("| Optimizer | Median step (ms) | Median ratio to TorchSharp Adam | Ratio quartiles |");
        output.WriteLine("| --- | ---: | ---: | --- |");
        for (var v = 0; v < optimizers.Length; v++)
        {
            var (q1, median, q3) = Quartiles(ms[v].Zip(ms[0], (a, b) => a / b).ToArray());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {optimizers[v].Name} | {Quartiles(ms[v]).Median:F3} | {median:F3} | {q1:F3} to {q3:F3} |"));
        }
        foreach (var s in steppers) s.Dispose();
        foreach (var m in models) m.Dispose();
    }

    private static (double Q1, double Median, double Q3) Quartiles(double[] values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return (At(0.25), At(0.5), At(0.75));
    }
}
