using System.Diagnostics;
using System.Globalization;
using Ramp.Training.Data;
using Ramp.Training.Models;
using Ramp.Training.Monitoring;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Benchmarks;

/// <summary>
/// Where a training step's time goes, piece by piece (Stopwatch, mean of many repetitions after a warm-up), for the
/// model of <see cref="TrainingStepBenchmarks"/>: the bare step and each thing Ramp's monitor adds to it. Run with
/// <c>-- step-costs [repetitions]</c>. A guide to what to cut, not a benchmark: pieces timed alone run hotter in
/// cache than inside a step.
/// </summary>
public static class StepCostProfile
{
    /// <summary>Times each piece <paramref name="repetitions"/> times and prints a table.</summary>
    public static void Run(int repetitions, TextWriter output)
    {
        set_num_threads(1);
        var (train, _) = FashionMnist.LoadShipped();
        var ix = Enumerable.Range(0, 256).ToArray();
        using var x = train.Images(ix).DetachFromDisposeScope();
        using var y = train.Labels(ix).DetachFromDisposeScope();
        using var model = new Mlp(seed: 0);
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        using var monitor = new StepMonitor(model);
        using var logits = model.call(x).detach().DetachFromDisposeScope();
        using var loss = nn.functional.cross_entropy(logits, y).DetachFromDisposeScope();
        void Backward() { using var _ = NewDisposeScope(); optimizer.zero_grad(); nn.functional.cross_entropy(model.call(x), y).backward(); }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repetitions} repetitions per piece, torch threads = 1, MLP 784-256-256-10, batch 256"));
        output.WriteLine("| Piece | Mean (us) |");
        output.WriteLine("| --- | ---: |");
        void Time(string name, Action piece)
        {
            for (var i = 0; i < Math.Max(10, repetitions / 10); i++) piece();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < repetitions; i++) piece();
            var us = Stopwatch.GetElapsedTime(start).TotalMicroseconds / repetitions;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {us:F1} |"));
        }
        Time("bare step (zero_grad, forward, loss, backward, SGD step)", () =>
        {
            using var _ = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x), y).backward();
            optimizer.step();
        });
        Backward();
        Time("batch accuracy (argmax, eq, cast, mean)", () => { using var _ = NewDisposeScope(); logits.argmax(-1).eq(y).to(float32).mean(); });
        Time("GradNorms (one vector_norm per parameter, stack)", () => { using var _ = NewDisposeScope(); monitor.GradNorms(); });
        Time("global norm from GradNorms", () => { using var _ = NewDisposeScope(); StepMonitor.GlobalNorm(monitor.GradNorms()); });
        Time("monitor, ordinary step (BeginStep .. Record)", () => MonitorStep(monitor, loss, detail: false));
        Time("monitor, detail step (+ weight copy, update/weight norms)", () => MonitorStep(monitor, loss, detail: true));
        Time("25 ordinary monitor steps, then their read-back and decoding", () =>
        {
            for (var i = 0; i < 25; i++) MonitorStep(monitor, loss, detail: false);
            foreach (var s in monitor.ReadBack()) monitor.Decode(s);
        });
        monitor.Discard();
    }

    private static void MonitorStep(StepMonitor monitor, Tensor loss, bool detail)
    {
        using var _ = NewDisposeScope();
        monitor.BeginStep(detail);
        var norms = monitor.GradNorms();
        monitor.BeforeUpdate();
        monitor.Record(loss, null, null, norms);
        if (monitor.Pending > 25) monitor.Discard();
    }
}
