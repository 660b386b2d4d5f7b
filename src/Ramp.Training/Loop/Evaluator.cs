using Ramp.Training.Data;
using Ramp.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

/// <summary>
/// Mean loss and accuracy on the test split, in batches without gradients, each batch in its own dispose scope so
/// memory does not grow with the split. A language model is evaluated on a fixed sample of <c>windows</c> windows
/// (the same for every run on the same text: the sample's seed is fixed, not the run's), so time does not grow with
/// the corpus either; 0 evaluates every window. Image splits are always evaluated whole.
/// </summary>
internal sealed class Evaluator(nn.Module<Tensor, Tensor> model, ITrainingData? test, Device device, int batch, int windows)
{
    /// <summary>Seed of the window sample: fixed, so runs with different seeds are evaluated on the same windows.</summary>
    private const int SampleSeed = 0;

    private long[]? _indices;

    /// <summary>The test split's mean loss and accuracy (accuracy null for a language model); nulls without a test split.</summary>
    public (double? Loss, double? Accuracy) Evaluate()
    {
        if (test is null) return (null, null);
        _indices ??= Indices(test, windows);
        model.eval();
        using var _ = no_grad();
        using var held = new HeldScalars(); // numbers go to torch as held Scalars (docs/native-libs.md)
        using var lossSum = tensor(0.0, dtype: float64, device: device);
        using var correctSum = tensor(0.0, dtype: float64, device: device);
        long targets = 0;
        for (var start = 0; start < _indices.Length; start += batch)
        {
            using var scope = NewDisposeScope();
            var (x, y) = test.Gather(_indices[start..Math.Min(start + batch, _indices.Length)], device);
            var output = model.call(x);
            var n = y.numel();
            lossSum.add_(StepExecutor.LossOf(output, y).to(float64).mul(held[n]), held[1.0]);
            if (!test.IsLanguageModel) correctSum.add_(output.argmax(-1).eq(y).to(float64).sum(), held[1.0]);
            targets += n;
        }
        var loss = lossSum.item<double>() / targets;
        return (loss, test.IsLanguageModel ? null : correctSum.item<double>() / targets);
    }

    /// <summary>Every example, or for a language model with more than <paramref name="sample"/> windows a seeded sample of them, in
    /// order.</summary>
    internal static long[] Indices(ITrainingData data, int sample)
    {
        if (!data.IsLanguageModel || sample <= 0 || sample >= data.Count)
            return [.. Enumerable.Range(0, checked((int)data.Count)).Select(i => (long)i)];
        var random = new Random(SampleSeed);
        var all = new long[data.Count];
        for (long i = 0; i < all.Length; i++) all[i] = i;
        // A partial Fisher-Yates shuffle: the first `sample` entries are a uniform sample without repeats.
        for (var i = 0; i < sample; i++)
        {
            var j = i + random.NextInt64(all.Length - i);
            (all[i], all[j]) = (all[j], all[i]);
        }
        var chosen = all[..sample];
        Array.Sort(chosen);
        return chosen;
    }
}
