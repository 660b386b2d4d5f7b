using Ramp.Schedules;
namespace Ramp.Training.Data;

/// <summary>
/// The loop's deterministic data order: epoch e visits the examples in a permutation drawn from
/// <c>(seed, e)</c> alone, in batches of a fixed size (the last, partial batch is dropped), so any data position
/// can be recomputed on resume without replaying the run. The trainer, the range test and the sample use it; it is
/// the only data order in Ramp.
/// </summary>
public sealed class DataOrder
{
    private readonly long _count;
    private readonly int _batch;
    private readonly int _seed;
    private long _epochCached = -1;
    private long[] _permutation = [];

    /// <summary>An order over <paramref name="count"/> examples in batches of <paramref name="batch"/>.</summary>
    public DataOrder(long count, int batch, int seed)
    {
        if (batch < 1) throw new RampArgumentException(nameof(batch), batch, "data: batch must be at least 1");
        if (count < batch)
            throw new RampArgumentException(nameof(batch), batch, $"data: batch must not exceed the {count} training examples");
        _count = count;
        _batch = batch;
        _seed = seed;
    }

    /// <summary>Full batches per epoch.</summary>
    public long BatchesPerEpoch => _count / _batch;

    /// <summary>The example indices of the batch at <paramref name="at"/>.</summary>
    public long[] Batch(DataPosition at)
    {
        if (at.Epoch != _epochCached)
        {
            _permutation = Permutation(at.Epoch);
            _epochCached = at.Epoch;
        }
        return _permutation.AsSpan((int)(at.Index * _batch), _batch).ToArray();
    }

    /// <summary>The position after <paramref name="at"/>: the next batch, or the first of the next epoch.</summary>
    public DataPosition Next(DataPosition at) =>
        at.Index + 1 < BatchesPerEpoch ? at with { Index = at.Index + 1 } : new DataPosition(at.Epoch + 1, 0);

    private long[] Permutation(long epoch)
    {
        // A seeded System.Random is stable across processes (HashCode.Combine is not).
        var random = new Random(unchecked((int)(_seed * 1_000_003L + epoch * 7_919L)));
        var p = new long[_count];
        for (long i = 0; i < _count; i++) p[i] = i;
        for (var i = p.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
