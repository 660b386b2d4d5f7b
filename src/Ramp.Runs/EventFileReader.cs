using System.Buffers.Binary;
using System.Text;

namespace Ramp.Runs;

/// <summary>
/// Reads the scalars of a TensorBoard event file. The file is a sequence of TFRecords (little-endian: a 64-bit data
/// length, the masked CRC-32C of those 8 bytes, the data, the masked CRC-32C of the data); each record's data is an
/// <c>Event</c> protobuf whose <c>summary</c> holds <c>value { tag, simple_value }</c> entries. Reading stops at the
/// first short or corrupt record, which is what <c>kill -9</c> in the middle of a write leaves at the end of a file.
/// </summary>
internal static class EventFileReader
{
    private const int WireVarint = 0, WireFixed64 = 1, WireBytes = 2, WireFixed32 = 5;

    /// <summary>The scalar values of <paramref name="path"/> in file order (other kinds of summaries are ignored).</summary>
    public static IReadOnlyList<BoardScalar> ReadScalars(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var scalars = new List<BoardScalar>();
        var at = 0;
        while (bytes.Length - at >= 16)
        {
            var header = bytes.AsSpan(at, 8);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8, 4)) != MaskedCrc(header)) break;
            if (length > (ulong)(bytes.Length - at - 16)) break;
            var data = bytes.AsSpan(at + 12, (int)length);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 12 + (int)length, 4)) != MaskedCrc(data)) break;
            ReadEvent(data, scalars);
            at += 16 + (int)length;
        }
        return scalars;
    }

    /// <summary>The masked CRC-32C (Castagnoli) that TFRecord stores: the CRC rotated right by 15 bits plus 0xa282ead8.</summary>
    public static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = Crc32C(data);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }

    private static void ReadEvent(ReadOnlySpan<byte> data, List<BoardScalar> scalars)
    {
        double wallTime = 0;
        long step = 0;
        var summaries = new List<(int Start, int Length)>();
        var at = 0;
        while (at < data.Length)
        {
            var (field, wire) = Key(data, ref at);
            if (field == 1 && wire == WireFixed64)
                wallTime = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(data[at..]));
            else if (field == 2 && wire == WireVarint) { step = (long)Varint(data, ref at); continue; }
            else if (field == 5 && wire == WireBytes)
            {
                var length = (int)Varint(data, ref at);
                summaries.Add((at, length));
                at += length;
                continue;
            }
            Skip(data, wire, ref at);
        }
        // The step may follow the summary in the encoding, so values are decoded once the whole event is read.
        foreach (var (start, length) in summaries)
        {
            var summary = data.Slice(start, length);
            var s = 0;
            while (s < summary.Length)
            {
                var (field, wire) = Key(summary, ref s);
                if (field != 1 || wire != WireBytes) { Skip(summary, wire, ref s); continue; }
                var valueLength = (int)Varint(summary, ref s);
                if (ReadValue(summary.Slice(s, valueLength)) is { } v) scalars.Add(new BoardScalar(v.Tag, step, v.Value, wallTime));
                s += valueLength;
            }
        }
    }

    private static (string Tag, float Value)? ReadValue(ReadOnlySpan<byte> value)
    {
        string? tag = null;
        float? simple = null;
        var at = 0;
        while (at < value.Length)
        {
            var (field, wire) = Key(value, ref at);
            if (field == 1 && wire == WireBytes)
            {
                var length = (int)Varint(value, ref at);
                tag = Encoding.UTF8.GetString(value.Slice(at, length));
                at += length;
            }
            else if (field == 2 && wire == WireFixed32)
            {
                simple = BinaryPrimitives.ReadSingleLittleEndian(value[at..]);
                at += 4;
            }
            else Skip(value, wire, ref at);
        }
        return tag is not null && simple is { } x ? (tag, x) : null;
    }

    private static (int Field, int Wire) Key(ReadOnlySpan<byte> data, ref int at)
    {
        var key = Varint(data, ref at);
        return ((int)(key >> 3), (int)(key & 7));
    }

    private static ulong Varint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[at++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return result;
        }
        throw new InvalidDataException("event file: a varint is longer than 10 bytes");
    }

    private static void Skip(ReadOnlySpan<byte> data, int wire, ref int at)
    {
        switch (wire)
        {
            case WireVarint: Varint(data, ref at); break;
            case WireFixed64: at += 8; break;
            case WireBytes: var length = (int)Varint(data, ref at); at += length; break;
            case WireFixed32: at += 4; break;
            default: throw new InvalidDataException($"event file: unsupported protobuf wire type {wire}");
        }
    }

    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(i =>
    {
        var c = (uint)i;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ 0x82f63b78u : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xffffffffu;
        foreach (var b in data) crc = Table[(crc ^ b) & 0xff] ^ (crc >> 8);
        return ~crc;
    }
}
