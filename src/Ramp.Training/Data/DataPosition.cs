namespace Ramp.Training.Data;

/// <summary>
/// Where a <see cref="BatchSampler"/> is in its data, for checkpoints: a sampler rebuilt from this position
/// yields exactly the batches the original would have yielded next.
/// </summary>
/// <param name="Epoch">Completed passes over the data (0 during the first).</param>
/// <param name="Index">Position inside the current epoch's order: how many examples have been handed out.</param>
/// <param name="Seed">The shuffle seed; epoch <c>e</c>'s order is a function of (Seed, e) only.</param>
public sealed record DataPosition(int Epoch, long Index, ulong Seed);
