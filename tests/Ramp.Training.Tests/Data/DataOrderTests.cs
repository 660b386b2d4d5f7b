using Ramp.Schedules;
using Ramp.Training.Data;

namespace Ramp.Training.Tests.Data;

public sealed class DataOrderTests
{
    [Fact]
    public void Each_epoch_is_a_permutation_in_full_batches_and_the_partial_batch_is_dropped()
    {
        var order = new DataOrder(10, 4, seed: 3);
        Assert.Equal(2, order.BatchesPerEpoch);
        var p = DataPosition.Start;
        var first = order.Batch(p);
        p = order.Next(p);
        var second = order.Batch(p);
        p = order.Next(p);
        Assert.Equal(new DataPosition(1, 0), p);
        var seen = first.Concat(second).ToArray();
        Assert.Equal(8, seen.Distinct().Count());
        Assert.All(seen, i => Assert.InRange(i, 0, 9));
        Assert.NotEqual(first, order.Batch(p)); // epoch 1 has its own order
    }

    [Fact]
    public void A_position_alone_gives_the_same_batch_as_walking_there()
    {
        var walked = new DataOrder(50, 7, seed: 5);
        var p = DataPosition.Start;
        for (var i = 0; i < 23; i++) p = walked.Next(p);
        Assert.Equal(new DataPosition(3, 2), p); // 7 batches per epoch: 23 = 3 * 7 + 2
        Assert.Equal(walked.Batch(p), new DataOrder(50, 7, seed: 5).Batch(p));
        Assert.NotEqual(walked.Batch(p), new DataOrder(50, 7, seed: 6).Batch(p));
    }

    [Fact]
    public void A_batch_larger_than_the_data_is_refused()
    {
        var e = Assert.Throws<RampArgumentException>(() => new DataOrder(10, 11, seed: 0));
        Assert.Equal("batch", e.ParamName);
        Assert.Contains("10 training examples", e.Message);
    }
}
