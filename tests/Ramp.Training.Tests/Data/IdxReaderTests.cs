using System.Buffers.Binary;
using System.IO.Compression;
using Ramp.Training.Data;

namespace Ramp.Training.Tests.Data;

public sealed class IdxReaderTests
{
    private static byte[] Images(int count, int rows, int cols, int extra = 0, int magic = IdxReader.ImagesMagic)
    {
        var bytes = new byte[16 + count * rows * cols + extra];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (int i = 16; i < bytes.Length; i++) bytes[i] = (byte)i;
        return bytes;
    }

    private static byte[] NegativeRows()
    {
        var bytes = Images(1, 2, 4);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), -2);
        return bytes;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    [Fact]
    public void Plain_and_gzipped_files_read_the_same()
    {
        var plain = IdxReader.ReadImages(Images(3, 2, 4), "a");
        var zipped = IdxReader.ReadImages(Gzip(Images(3, 2, 4)), "a.gz");
        Assert.Equal((3, 2, 4), (plain.Count, plain.Rows, plain.Columns));
        Assert.Equal(24, plain.Pixels.Length);
        Assert.Equal(16, plain.Pixels[0]);
        Assert.Equal(plain.Pixels, zipped.Pixels);
    }

    [Theory]
    [InlineData(0, "too short for an IDX header (3 bytes)")]
    [InlineData(1, "magic number 0x00000801 is not 0x00000803: not an IDX images (unsigned-byte 3-D) file")]
    [InlineData(2, "truncated: header says 3 images of 2x4 (24 bytes) but only 20 bytes follow")]
    [InlineData(3, "5 unexpected trailing bytes after 3 images of 2x4")]
    [InlineData(4, "dimension 1 is -2; sizes must be positive")]
    [InlineData(5, "header truncated: 3 dimension size(s) expected, file has 10 bytes")]
    public void Malformed_images_name_the_file_and_the_problem(int kind, string problem)
    {
        byte[] bytes = kind switch
        {
            0 => [0, 0, 8],
            1 => Images(3, 2, 4, magic: IdxReader.LabelsMagic),
            2 => Images(3, 2, 4)[..^4],
            3 => Images(3, 2, 4, extra: 5),
            4 => NegativeRows(),
            _ => Images(3, 2, 4)[..10],
        };
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(bytes, "x/images.idx"));
        Assert.Equal("x/images.idx", e.File);
        Assert.Equal(problem, e.Problem);
        Assert.Equal($"x/images.idx: {problem}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_truncated_gzip_file_is_reported_as_such()
    {
        var zipped = Gzip(Images(50, 28, 28));
        var path = Path.Combine(Path.GetTempPath(), $"ramp-idx-{Guid.NewGuid():N}.gz");
        File.WriteAllBytes(path, zipped[..(zipped.Length / 2)]);
        try
        {
            var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(path));
            Assert.Equal(path, e.File);
            Assert.StartsWith("truncated: header says 50 images of 28x28 (39200 bytes) but only ", e.Problem);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_corrupt_gzip_stream_is_reported_as_such()
    {
        byte[] bytes = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadLabels(bytes, "l.gz"));
        Assert.StartsWith("broken gzip stream (", e.Problem);
    }

    [Fact]
    public void Labels_are_one_dimensional_bytes()
    {
        byte[] bytes = [0, 0, 8, 1, 0, 0, 0, 3, 7, 8, 9];
        Assert.Equal(new byte[] { 7, 8, 9 }, IdxReader.ReadLabels(bytes, "l"));
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadLabels(bytes[..^1], "l"));
        Assert.Equal("truncated: header says 3 labels (3 bytes) but only 2 bytes follow", e.Problem);
    }
}
