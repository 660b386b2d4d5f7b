using System.Globalization;

namespace Ramp.Training.Studies;

/// <summary>
/// A slice of a grid for one machine or job: shard <see cref="Index"/> of <see cref="Count"/> (zero-based, as
/// Slurm's <c>SLURM_ARRAY_TASK_ID</c> and Kubernetes' <c>JOB_COMPLETION_INDEX</c> count) takes the cells whose
/// index modulo <see cref="Count"/> is <see cref="Index"/>. Dealing the cells round-robin spreads the costly
/// ones (large models, late arms) across shards; every cell is in exactly one shard.
/// </summary>
/// <param name="Index">Zero-based shard number, in [0, Count).</param>
/// <param name="Count">Number of shards, at least 1.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The whole grid.</summary>
    public static Shard All { get; } = new(0, 1);

    /// <summary>Whether the cell at <paramref name="cellIndex"/> belongs to this shard.</summary>
    public bool Contains(int cellIndex) => cellIndex % Count == Index;

    /// <summary>Parses <c>i/n</c>.</summary>
    /// <exception cref="FormatException">Not of the form i/n with 0 &lt;= i &lt; n.</exception>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new FormatException($"expected i/n (shard i of n, zero-based, e.g. 0/4) but was '{text}'");
        if (n < 1 || i >= n) throw new FormatException($"shard {i}/{n}: need n >= 1 and 0 <= i < n");
        return new Shard(i, n);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
