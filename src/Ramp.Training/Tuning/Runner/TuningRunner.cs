using Ramp.Training.Data;
using Ramp.Training.Loop;
using Ramp.Training.Tuning.RangeTest;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Tuning.Runner;

/// <summary>
/// Runs the LR range test and the cold-start search on a real model with TorchSharp. Both start from the model and
/// optimizer as given and leave them exactly so afterwards (a <see cref="TrainingSnapshot"/> in memory); every
/// cold-start trial starts from those initial weights and a fresh optimizer state, with the same data order
/// (seeded by <paramref name="seed"/>), so trials differ only in their learning rate.
/// </summary>
/// <param name="model">The model, initialised (from a seed) and on <paramref name="device"/>.</param>
/// <param name="optimizer">An optimizer over the model's parameters; every group gets the tried learning rate.</param>
/// <param name="data">Training data.</param>
/// <param name="batch">Examples per step, at least 1 and at most the data's size.</param>
/// <param name="seed">Seed of the data order.</param>
/// <param name="device">Device of the model; null for the CPU.</param>
public sealed class TuningRunner(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, ITrainingData data, int batch, int seed,
    Device? device = null)
{
    private readonly DataOrder _order = new(data.Count, batch, seed);
    private readonly Device _device = device ?? torch.CPU;

    /// <summary>Optimizer steps this runner has taken so far (range tests, cold-start trials and trial runs): the cost of a
    /// search.</summary>
    public long StepsTaken { get; private set; }

    /// <summary>Runs the range test of <paramref name="plan"/> and restores the model and optimizer afterwards.</summary>
    public RangeTestResult RangeTest(RangeTestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var snapshot = new TrainingSnapshot(model, optimizer);
        try
        {
            var recorder = new RangeTestRecorder(plan);
            var position = DataPosition.Start;
            while (recorder.Record(Step(recorder.NextLr, ref position))) { }
            return recorder.ToResult();
        }
        finally
        {
            snapshot.Restore();
        }
    }

    /// <summary>
    /// The cold-start search of <paramref name="plan"/>: each trial trains <c>plan.TrialSteps</c> steps at a constant
    /// learning rate from the initial weights, with no warmup; it survives when every loss is finite and the mean of
    /// its last (up to 5) losses is at most the first loss. The model and optimizer are restored afterwards.
    /// </summary>
    public ColdStartResult ColdStart(ColdStartPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var snapshot = new TrainingSnapshot(model, optimizer);
        try
        {
            return ColdStartSearch.Run(plan, lr =>
            {
                snapshot.Restore();
                return Survives(lr, plan.TrialSteps);
            });
        }
        finally
        {
            snapshot.Restore();
        }
    }

    private bool Survives(double lr, int steps)
    {
        var position = DataPosition.Start;
        var losses = new List<double>(steps);
        for (var i = 0; i < steps; i++)
        {
            var loss = Step(lr, ref position);
            // A loss far above the start will not come back within a short trial; stop paying for it.
            if (!double.IsFinite(loss) || losses.Count > 0 && loss > 4 * losses[0]) return false;
            losses.Add(loss);
        }
        return losses.TakeLast(Math.Min(5, losses.Count)).Average() <= losses[0];
    }

    /// <summary>A run counts as blown up once its running loss (EMA 0.9) exceeds this multiple of its first loss.</summary>
    public const double BlowUpFactor = 4;

    /// <summary>
    /// Trains <paramref name="steps"/> steps from the initial weights with the learning rate <paramref name="lrAt"/>(t)
    /// at step t (zero-based), then measures <paramref name="test"/>; restores the model and optimizer afterwards.
    /// Stops early once the loss is non-finite or its running mean (EMA 0.9) passes <see cref="BlowUpFactor"/> times
    /// the first loss: such a run does not come back within a short budget, and the sweep need not pay for it.
    /// </summary>
    public TrialRun Train(Func<long, double> lrAt, long steps, ITrainingData test)
    {
        ArgumentNullException.ThrowIfNull(lrAt);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var snapshot = new TrainingSnapshot(model, optimizer);
        try
        {
            var position = DataPosition.Start;
            var last = new Queue<double>();
            double first = double.NaN, running = double.NaN;
            var diverged = false;
            long t = 0;
            for (; t < steps && !diverged; t++)
            {
                var loss = Step(lrAt(t), ref position);
                if (t == 0) first = running = loss;
                running = 0.9 * running + 0.1 * loss;
                last.Enqueue(loss);
                if (last.Count > 10) last.Dequeue();
                diverged = !double.IsFinite(loss) || running > BlowUpFactor * first;
            }
            var (testLoss, accuracy) = Evaluate(test);
            return new TrialRun(t, first, last.Average(), diverged, testLoss, accuracy);
        }
        finally
        {
            snapshot.Restore();
        }
    }

    /// <summary>Mean loss and accuracy (null for a language model) over <paramref name="test"/>, without gradients.</summary>
    public (double Loss, double? Accuracy) Evaluate(ITrainingData test)
    {
        ArgumentNullException.ThrowIfNull(test);
        model.eval();
        using var _ = no_grad();
        double lossSum = 0, correct = 0;
        long targets = 0;
        const int chunk = 500;
        for (long start = 0; start < test.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var indices = Enumerable.Range(0, (int)Math.Min(chunk, test.Count - start)).Select(i => start + i).ToArray();
            var (x, y) = test.Gather(indices, _device);
            var output = model.call(x);
            var flat = output.reshape(-1, output.shape[^1]);
            var labels = y.reshape(-1);
            lossSum += nn.functional.cross_entropy(flat, labels, reduction: nn.Reduction.Sum).to(float64).item<double>();
            if (!test.IsLanguageModel) correct += flat.argmax(-1).eq(labels).sum().to(float64).item<double>();
            targets += labels.numel();
        }
        return (lossSum / targets, test.IsLanguageModel ? null : correct / targets);
    }

    /// <summary>One optimizer step at <paramref name="lr"/> on the batch at <paramref name="position"/>; returns its loss.</summary>
    private double Step(double lr, ref DataPosition position)
    {
        StepsTaken++;
        foreach (var group in ((torch.optim.Optimizer)optimizer).ParamGroups) group.LearningRate = lr;
        using var scope = NewDisposeScope();
        model.train();
        optimizer.zero_grad();
        var (x, y) = data.Gather(_order.Batch(position), _device);
        position = _order.Next(position);
        var output = model.call(x);
        var loss = nn.functional.cross_entropy(output.reshape(-1, output.shape[^1]), y.reshape(-1));
        var value = loss.to(float64).item<double>();
        if (!double.IsFinite(value)) return value;
        loss.backward();
        optimizer.step();
        return value;
    }
}
