using System.Buffers.Binary;
using System.IO.Compression;

namespace Ramp.Training.Data;

/// <summary>
/// Reads IDX files, the MNIST format (big-endian header: two zero bytes, a type code, the number of dimensions,
/// one 32-bit size per dimension, then the data). Images must be unsigned-byte 3-D (magic 0x00000803), labels
/// unsigned-byte 1-D (0x00000801). Gzip is recognised by its content, not its name. Anything malformed throws an
/// <see cref="IdxFormatException"/> naming the file.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an unsigned-byte 3-D IDX file (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an unsigned-byte 1-D IDX file (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an images file (plain or gzipped).</summary>
    public static IdxImages ReadImages(string path) => ReadImages(File.ReadAllBytes(path), path);

    /// <summary>Reads a labels file (plain or gzipped).</summary>
    public static byte[] ReadLabels(string path) => ReadLabels(File.ReadAllBytes(path), path);

    /// <summary>Reads images from the bytes of a file called <paramref name="name"/> (used in errors).</summary>
    public static IdxImages ReadImages(byte[] content, string name)
    {
        var data = Decompress(content, name);
        var dims = Header(data, name, ImagesMagic, 3, "images (unsigned-byte 3-D)");
        long expected = (long)dims[0] * dims[1] * dims[2];
        CheckLength(data, name, 16, expected, $"{dims[0]} images of {dims[1]}x{dims[2]}");
        return new IdxImages(dims[0], dims[1], dims[2], data.AsSpan(16).ToArray());
    }

    /// <summary>Reads labels from the bytes of a file called <paramref name="name"/> (used in errors).</summary>
    public static byte[] ReadLabels(byte[] content, string name)
    {
        var data = Decompress(content, name);
        var dims = Header(data, name, LabelsMagic, 1, "labels (unsigned-byte 1-D)");
        CheckLength(data, name, 8, dims[0], $"{dims[0]} labels");
        return data.AsSpan(8).ToArray();
    }

    private static byte[] Decompress(byte[] content, string name)
    {
        if (content.Length < 2 || content[0] != 0x1f || content[1] != 0x8b) return content;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(name, $"broken gzip stream ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static int[] Header(byte[] data, string name, int magic, int rank, string kind)
    {
        if (data.Length < 4) throw new IdxFormatException(name, $"too short for an IDX header ({data.Length} bytes)");
        int actual = BinaryPrimitives.ReadInt32BigEndian(data);
        if (actual != magic)
            throw new IdxFormatException(name, $"magic number 0x{actual:x8} is not 0x{magic:x8}: not an IDX {kind} file");
        if (data.Length < 4 + 4 * rank)
            throw new IdxFormatException(name, $"header truncated: {rank} dimension size(s) expected, file has {data.Length} bytes");
        var dims = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4 + 4 * d));
            if (dims[d] <= 0 && !(d == 0 && dims[d] == 0))
                throw new IdxFormatException(name, $"dimension {d} is {dims[d]}; sizes must be positive");
        }
        return dims;
    }

    private static void CheckLength(byte[] data, string name, int headerBytes, long expected, string what)
    {
        long actual = data.Length - headerBytes;
        if (actual < expected)
            throw new IdxFormatException(name, $"truncated: header says {what} ({expected} bytes) but only {actual} bytes follow");
        if (actual > expected)
            throw new IdxFormatException(name, $"{actual - expected} unexpected trailing bytes after {what}");
    }
}
