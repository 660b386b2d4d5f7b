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
/// round to round) on its own copy of the model, and the ratios are taken within the round. Each step gets fresh
/// gradients (forward and backward on the next of eight fixed batches, outside the timed call), because the cost of
/// some updates depends on the values: with one fixed gradient Prodigy's estimate d grows without bound (to 4e15 in
/// float32 within 100 steps, to infinity in float64) and the benchmark would time arithmetic on runaway numbers.
/// Adam and Prodigy also run on a float64 copy: float64 has no subnormal numbers at these magnitudes, so if Prodigy's
/// float32 steps were slowed by subnormals (its <c>v</c> starts at <c>(1 - beta2) d0^2 g^2</c> with <c>d0 = 1e-6</c>),
/// its ratio to Adam would be larger in float32 than in float64.
/// Run with <c>-- paired-optimizers [rounds]</c>.
/// </summary>
public static class PairedOptimizerSteps
{
    private const int Steps = 50;
    private const int Batches = 8;

    /// <summary>Runs <paramref name="rounds"/> rounds after five warm-up rounds and prints median ratios with quartiles.</summary>
    public static void Run(int rounds, TextWriter output)
    {
        set_num_threads(1);
        var (train, _) = FashionMnist.LoadShipped();
        var batches = Enumerable.Range(0, Batches).Select(b =>
        {
            var ix = Enumerable.Range(b * 256, 256).ToArray();
            return (X: train.Images(ix).DetachFromDisposeScope(), Y: train.Labels(ix).DetachFromDisposeScope());
        }).ToArray();
        (string Name, Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> Make, ScalarType Type)[] optimizers =
        [
            ("TorchSharp Adam", p => optim.Adam(p, 1e-3), float32),
            ("Ramp Adam", p => new Adam(p, 1e-3), float32),
            ("Ramp Adam, GI (--gi)", p => new Adam(p, 1e-3) { GradientInit = true }, float32),
            ("ScheduleFreeAdamW", p => new ScheduleFreeAdamW(p, 1e-3), float32),
            ("ScheduleFreeSgd", p => new ScheduleFreeSgd(p, 0.1), float32),
            ("Prodigy", p => new Prodigy(p), float32),
            ("StableAdamW", p => new StableAdamW(p, 1e-3, weightDecay: 0.01), float32),
            ("TorchSharp Adam, float64", p => optim.Adam(p, 1e-3), float64),
            ("Prodigy, float64", p => new Prodigy(p), float64),
        ];
        var models = optimizers.Select(o => new Mlp(seed: 0).to(o.Type)).ToArray();
        var steppers = optimizers.Select((o, v) => o.Make(models[v].parameters())).ToArray();
        var taken = new int[optimizers.Length];
        var ms = optimizers.Select(_ => new double[rounds]).ToArray();
        for (var r = -5; r < rounds; r++)
            for (var k = 0; k < optimizers.Length; k++)
            {
                var v = (k + Math.Max(r, 0)) % optimizers.Length;
                long ticks = 0;
                for (var s = 0; s < Steps; s++)
                {
                    using var _ = NewDisposeScope();
                    var (x, y) = batches[taken[v]++ % Batches];
                    steppers[v].zero_grad();
                    nn.functional.cross_entropy(models[v].call(x.to(optimizers[v].Type)), y).backward();
                    var start = Stopwatch.GetTimestamp();
                    steppers[v].step(); // only the optimizer's step is timed
                    ticks += Stopwatch.GetTimestamp() - start;
                }
                if (r >= 0) ms[v][r] = ticks * 1000.0 / Stopwatch.Frequency / Steps;
            }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rounds} rounds of {Steps} optimizer steps each, MLP 784-256-256-10 (fresh gradients each step, from 8 fixed batches of 256), torch threads = 1"));
        output.WriteLine("| Optimizer | Median step (ms) | Median ratio to TorchSharp Adam of the same precision | Ratio quartiles |");
        output.WriteLine("| --- | ---: | ---: | --- |");
        var baseline64 = Array.FindIndex(optimizers, o => o.Type == float64);
        for (var v = 0; v < optimizers.Length; v++)
        {
            var baseline = optimizers[v].Type == float64 ? ms[baseline64] : ms[0];
            var (q1, median, q3) = Quartiles(ms[v].Zip(baseline, (a, b) => a / b).ToArray());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {optimizers[v].Name} | {Quartiles(ms[v]).Median:F3} | {median:F3} | {q1:F3} to {q3:F3} |"));
        }
        foreach (var s in steppers) s.Dispose();
        foreach (var (x, y) in batches) { x.Dispose(); y.Dispose(); }
        foreach (var m in models) m.Dispose();
    }

    private static (double Q1, double Median, double Q3) Quartiles(double[] values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return (At(0.25), At(0.5), At(0.75));
    }
}
