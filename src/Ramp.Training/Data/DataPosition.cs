namespace Ramp.Training.Data;

/// <summary>
/// Where a <see cref="DataOrder"/> is: the batch <paramref name="Index"/> within epoch <paramref name="Epoch"/>. A
/// checkpoint stores the position of the next batch, and the order recomputes that batch from it alone.
/// </summary>
/// <param name="Epoch">Zero-based epoch.</param>
/// <param name="Index">Zero-based batch within the epoch.</param>
public readonly record struct DataPosition(long Epoch, long Index)
{
    /// <summary>The first batch of the first epoch.</summary>
    public static DataPosition Start => default;
}
