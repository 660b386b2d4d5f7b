using System.Text;

namespace Ramp.Training.Checkpoints;

/// <summary>
/// Reads the layout of a model file written by TorchSharp's <c>Module.save</c> without libtorch: a LEB128 count of
/// entries, then per entry its name (a length-prefixed UTF-8 string), its dtype code, rank and dimensions (LEB128),
/// and its raw elements. Used to tell a file of another model (other names or shapes) from the one being resumed
/// before <c>load</c> fails deep inside TorchSharp.
/// </summary>
internal static class ModelFileHeader
{
    /// <summary>The names and shapes stored in <paramref name="path"/>, in file order.</summary>
    /// <exception cref="FormatException">The file does not have that layout (cut short, extra bytes, unknown dtype).</exception>
    public static IReadOnlyList<(string Name, long[] Shape)> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var entries = new List<(string, long[])>();
        try
        {
            var count = Decode(reader);
            if (count > 100_000) throw new FormatException($"it claims {count} tensors");
            for (long i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                var dtype = Decode(reader);
                var rank = Decode(reader);
                if (rank > 16) throw new FormatException($"tensor '{name}' claims rank {rank}");
                var shape = new long[rank];
                long elements = 1;
                for (var d = 0; d < rank; d++)
                {
                    shape[d] = Decode(reader);
                    elements = checked(elements * shape[d]);
                }
                var bytes = checked(elements * ElementSize(dtype, name));
                if (bytes > stream.Length - stream.Position) throw new FormatException($"tensor '{name}' is cut short");
                stream.Seek(bytes, SeekOrigin.Current);
                entries.Add((name, shape));
            }
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or IOException)
        {
            throw new FormatException("it ends in the middle of a tensor", e);
        }
        if (stream.Position != stream.Length) throw new FormatException($"{stream.Length - stream.Position} bytes follow the last tensor");
        return entries;
    }

    private static long Decode(BinaryReader reader)
    {
        long value = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new FormatException("a length is out of range");
    }

    // TorchSharp's ScalarType codes (the same as c10::ScalarType).
    private static long ElementSize(long dtype, string name) => dtype switch
    {
        0 or 1 or 11 => 1,
        2 or 5 or 15 => 2,
        3 or 6 => 4,
        4 or 7 or 9 => 8,
        10 => 16,
        _ => throw new FormatException($"tensor '{name}' has unknown dtype code {dtype}"),
    };
}
