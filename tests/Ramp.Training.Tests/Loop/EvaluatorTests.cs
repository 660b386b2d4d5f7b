using Ramp.Training.Data;
using Ramp.Training.Loop;
using Ramp.Training.Models;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Loop;

public sealed class EvaluatorTests
{
    private static readonly TextCorpus Corpus = new(string.Concat(Enumerable.Range(0, 200).Select(i => $"line {i}: to be or not to be.\n")), "test");

    [Fact]
    public void A_language_model_is_evaluated_on_a_fixed_sorted_sample_of_windows()
    {
        var (_, test) = TextData.Split(Corpus, 16);
        var sample = Evaluator.Indices(test, 50);
        Assert.Equal(50, sample.Length);
        Assert.Equal(50, sample.Distinct().Count());
        Assert.Equal(sample.Order(), sample);
        Assert.All(sample, i => Assert.InRange(i, 0, test.Count - 1));
        Assert.Equal(sample, Evaluator.Indices(test, 50)); // fixed: the same windows every time
        Assert.Equal(test.Count, Evaluator.Indices(test, 0).Length);
        Assert.Equal(test.Count, Evaluator.Indices(test, int.MaxValue).Length);
    }

    [Fact]
    public void Images_are_evaluated_whole_whatever_the_window_count()
    {
        Assert.Equal(TinyRuns.Test.Count, Evaluator.Indices(TinyRuns.Test, 10).Length);
    }

    [Fact]
    public void The_sampled_loss_does_not_depend_on_the_batch_and_the_whole_split_is_close_to_it()
    {
        var (_, test) = TextData.Split(Corpus, 16);
        using var scope = NewDisposeScope();
        var model = new CharTransformer(Corpus.Vocabulary.Count, context: 16, model: 16, heads: 2, layers: 1, seed: 1);
        var (loss, accuracy) = new Evaluator(model, test, CPU, 64, 100).Evaluate();
        var (again, _) = new Evaluator(model, test, CPU, 7, 100).Evaluate();
        var (whole, _) = new Evaluator(model, test, CPU, 64, 0).Evaluate();
        Assert.Null(accuracy);
        Assert.Equal(loss!.Value, again!.Value, 5); // float32 sums in other batches differ in the last bits
        Assert.True(Math.Abs(loss.Value - whole!.Value) < 0.2, $"sample {loss} whole {whole}");
        Assert.NotEqual(loss.Value, whole.Value);
    }
}
