using CsCheck;
using Ramp.Training.Data;

namespace Ramp.Training.Tests.Data;

public sealed class BatchSamplerTests
{
    [Fact]
    public void Each_epoch_is_a_permutation_and_epochs_differ()
    {
        var sampler = new BatchSampler(10, 4, seed: 3);
        var epoch0 = sampler.Next().Concat(sampler.Next()).Concat(sampler.Next()).ToArray();
        Assert.Equal(new DataPosition(0, 10, 3), sampler.Position);
        var epoch1 = sampler.Next().Concat(sampler.Next()).Concat(sampler.Next()).ToArray();
        Assert.Equal(Enumerable.Range(0, 10), epoch0.Order());
        Assert.Equal(Enumerable.Range(0, 10), epoch1.Order());
        Assert.NotEqual(epoch0, epoch1);
        Assert.Equal(1, sampler.Position.Epoch);
    }

    [Fact]
    public void Drop_last_skips_the_partial_batch()
    {
        var sampler = new BatchSampler(10, 4, seed: 3, dropLast: true);
        Assert.Equal(2, sampler.BatchesPerEpoch);
        sampler.Next();
        sampler.Next();
        Assert.Equal(4, sampler.Next().Length);
        Assert.Equal(new DataPosition(1, 4, 3), sampler.Position);
    }

    [Fact]
    public void Without_shuffle_the_order_is_the_file_order()
    {
        var sampler = new BatchSampler(5, 2, shuffle: false);
        Assert.Equal(new[] { 0, 1 }, sampler.Next());
        Assert.Equal(new[] { 2, 3 }, sampler.Next());
        Assert.Equal(new[] { 4 }, sampler.Next());
    }

    [Fact]
    public void A_sampler_rebuilt_from_its_position_continues_identically()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Int[1, 12], Gen.ULong, Gen.Int[0, 40]).Sample((count, batch, seed, before) =>
        {
            var original = new BatchSampler(count, batch, seed);
            for (int i = 0; i < before; i++) original.Next();
            var resumed = new BatchSampler(count, batch, position: original.Position);
            for (int i = 0; i < 10; i++) Assert.Equal(original.Next(), resumed.Next());
        }, iter: 200);
    }

    [Fact]
    public void An_impossible_position_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchSampler(10, 4, position: new DataPosition(0, 11, 0)));
        Assert.Equal("position", e.ParamName);
        Assert.StartsWith("position must have epoch >= 0 and index in [0, 10]", e.Message);
    }
}
