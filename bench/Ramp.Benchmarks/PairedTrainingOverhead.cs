using System.Diagnostics;
using System.Globalization;

namespace Ramp.Benchmarks;

/// <summary>
/// The training-step overhead measured in pairs, for a shared machine whose load drifts during a BenchmarkDotNet
/// run (BenchmarkDotNet times one method after the other, so a load change between them shows up as overhead):
/// each round times one invocation (50 steps) of the bare step, then one of each Ramp variant, back to back, and
/// the ratios are taken within the round. Run with <c>-- paired-training [rounds] [batch] [parts]</c>; with <c>parts</c> the variants are the pieces of the Ramp step (<see cref="TrainingStepBenchmarks.RampPart"/>).
/// </summary>
public static class PairedTrainingOverhead
{
    /// <summary>Runs <paramref name="rounds"/> rounds at batch size <paramref name="batch"/> (the pieces of the Ramp step when <paramref name="parts"/>) for <paramref name="model"/> (<c>mlp</c> or <c>cnn</c>) after five warm-up rounds and prints median ratios with quartiles.</summary>
    public static void Run(int rounds, int batch, bool parts, TextWriter output, string model = "mlp")
    {
        var bench = new TrainingStepBenchmarks { Threads = 1, Batch = batch, Model = model };
        bench.Setup();
        Action[] variants = parts
            ? [bench.Bare, () => bench.RampPart(true, false, false), () => bench.RampPart(false, true, false), () => bench.RampPart(false, true, true), () => bench.Ramp()]
            : [bench.Bare, () => bench.Ramp(), bench.BareClip, () => bench.RampClip(), () => bench.RampWithHostGuards()];
        string[] names = parts
            ? ["bare TorchSharp step", "bare + batch accuracy", "bare + gradient norms", "bare + monitor (no accuracy, no binder)", "Ramp: binder + monitor"]
            : ["bare TorchSharp step", "Ramp: binder + monitor", "bare step + clip_grad_norm_", "Ramp: binder + monitor + clip", "Ramp + ZClip + skip-step"];
        // Each Ramp variant is compared with the bare variant it extends (clipping with clipping).
        int[] baseline = parts ? [0, 0, 0, 0, 0] : [0, 0, 2, 2, 0];
        var ms = new double[variants.Length][];
        for (var v = 0; v < variants.Length; v++) ms[v] = new double[rounds];
        for (var r = -5; r < rounds; r++)
            for (var k = 0; k < variants.Length; k++)
            {
                // The order rotates from round to round, so no variant always runs first (or after the same one).
                var v = (k + Math.Max(r, 0)) % variants.Length;
                var start = Stopwatch.GetTimestamp();
                variants[v]();
                if (r >= 0) ms[v][r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / TrainingStepBenchmarks.Steps;
            }
        bench.Cleanup();
        output.WriteLine($"{rounds} rounds of {TrainingStepBenchmarks.Steps} steps per variant, model {model}, batch {batch}, torch threads = 1");
        output.WriteLine("| What | Median step (ms) | Compared with | Median ratio | Ratio quartiles |");
        output.WriteLine("| --- | ---: | --- | ---: | --- |");
        for (var v = 0; v < variants.Length; v++)
        {
            var ratios = ms[v].Zip(ms[baseline[v]], (a, b) => a / b).ToArray();
            var (q1, median, q3) = Quartiles(ratios);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {names[v]} | {Quartiles(ms[v]).Median:F3} | {names[baseline[v]]} | {median:F4} | {q1:F4} to {q3:F4} |"));
        }
    }

    private static (double Q1, double Median, double Q3) Quartiles(double[] values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return (At(0.25), At(0.5), At(0.75));
    }
}
