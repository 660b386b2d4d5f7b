using Ramp.Schedules;
using Ramp.Training.Data;

namespace Ramp.Training.Tests.Data;

public sealed class TextCorpusTests
{
    [Fact]
    public void The_shipped_corpus_is_shakespeare_with_a_small_vocabulary()
    {
        var corpus = TextCorpus.Shipped();
        Assert.InRange(corpus.Tokens.Count, 200_000, 270_000);
        Assert.InRange(corpus.Vocabulary.Count, 50, 70);
        Assert.StartsWith("First Citizen:", corpus.Decode(corpus.Tokens.Take(20)));
        Assert.Equal(corpus.Vocabulary.Order(), corpus.Vocabulary);
    }

    [Fact]
    public void Targets_are_inputs_shifted_by_one()
    {
        var corpus = new TextCorpus("abcabd", "t");
        Assert.Equal(new[] { 'a', 'b', 'c', 'd' }, corpus.Vocabulary);
        Assert.Equal(3, corpus.Windows(3));
        var (input, target) = corpus.Batch([0, 2], 3);
        Assert.Equal(new long[] { 0, 1, 2, 2, 0, 1 }, input.data<long>().ToArray());
        Assert.Equal(new long[] { 1, 2, 0, 0, 1, 3 }, target.data<long>().ToArray());
        Assert.Equal("cab", corpus.Decode(corpus.Encode("cab")));
    }

    [Fact]
    public void Unknown_characters_and_out_of_range_windows_are_refused()
    {
        var corpus = new TextCorpus("abcabd", "t");
        var e = Assert.Throws<RampArgumentException>(() => corpus.Encode("abz"));
        Assert.StartsWith("character 'z' at 2 is not in the vocabulary of t", e.Message);
        Assert.Throws<RampArgumentException>(() => corpus.Batch([3], 3));
    }

    [Fact]
    public void Any_text_file_is_a_corpus()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "héllo wörld");
            var corpus = TextCorpus.FromFile(path);
            Assert.Equal("héllo wörld", corpus.Decode(corpus.Tokens));
            Assert.Equal(path, corpus.Source);
        }
        finally { File.Delete(path); }
    }
}
