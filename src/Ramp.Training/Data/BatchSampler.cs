namespace Ramp.Training.Data;

/// <summary>
/// Deals out indices <c>0..Count-1</c> in batches, in a fresh seeded order each epoch, with an explicit
/// <see cref="DataPosition"/> so a resumed run continues exactly where it stopped.
/// </summary>
/// <remarks>
/// Epoch <c>e</c>'s order is a Fisher-Yates shuffle driven by SplitMix64 seeded with <c>Seed</c> and <c>e</c>,
/// so it does not depend on .NET's <see cref="Random"/> implementation or on the batch size. With
/// <see cref="DropLast"/> the last partial batch of an epoch is skipped; otherwise it is returned short.
/// </remarks>
public sealed class BatchSampler
{
    private int[] _order = [];
    private int _orderEpoch = -1;

    /// <summary>Creates a sampler at <paramref name="position"/> (or epoch 0, index 0 with <paramref name="seed"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Non-positive count or batch size, or a position outside the data.</exception>
    public BatchSampler(int count, int batchSize, ulong seed = 0, bool shuffle = true, bool dropLast = false, DataPosition? position = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (dropLast && batchSize > count)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batch size must be at most the {count} examples when the last partial batch is dropped");
        Count = count;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        Position = position ?? new DataPosition(0, 0, seed);
        if (Position.Epoch < 0 || Position.Index < 0 || Position.Index > count)
            throw new ArgumentOutOfRangeException(nameof(position), Position, $"position must have epoch >= 0 and index in [0, {count}]");
    }

    /// <summary>Number of examples.</summary>
    public int Count { get; }

    /// <summary>Examples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch has its own shuffled order (otherwise 0..Count-1).</summary>
    public bool Shuffle { get; }

    /// <summary>Whether an epoch's last partial batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Where the next batch starts; put it in checkpoints.</summary>
    public DataPosition Position { get; private set; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => DropLast ? Count / BatchSize : (Count + BatchSize - 1) / BatchSize;

    /// <summary>The next batch of indices; moves to the next epoch when the current one is used up.</summary>
    public int[] Next()
    {
        var (epoch, index) = (Position.Epoch, Position.Index);
        if (index >= Count || (DropLast && index + BatchSize > Count)) (epoch, index) = (epoch + 1, 0);
        var order = OrderOf(epoch);
        int take = (int)Math.Min(BatchSize, Count - index);
        var batch = order.AsSpan((int)index, take).ToArray();
        Position = Position with { Epoch = epoch, Index = index + take };
        return batch;
    }

    /// <summary>The order of epoch <paramref name="epoch"/> (a permutation of 0..Count-1).</summary>
    public int[] OrderOf(int epoch)
    {
        if (_orderEpoch == epoch) return _order;
        var order = Enumerable.Range(0, Count).ToArray();
        if (Shuffle)
        {
            ulong state = Position.Seed ^ (0x9E3779B97F4A7C15UL * (ulong)(epoch + 1));
            for (int i = Count - 1; i > 0; i--)
            {
                int j = (int)(SplitMix64(ref state) % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
        (_order, _orderEpoch) = (order, epoch);
        return order;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
