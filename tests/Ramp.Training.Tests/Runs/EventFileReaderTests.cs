using Ramp.Runs;
using TorchSharp;

namespace Ramp.Training.Tests.Runs;

public sealed class EventFileReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ramp-board-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string WriteWithTorchSharp(params (string Tag, float Value, int Step)[] scalars)
    {
        var writer = torch.utils.tensorboard.SummaryWriter(_dir);
        foreach (var (tag, value, step) in scalars) writer.add_scalar(tag, value, step);
        return Assert.Single(BoardFiles.EventFiles(_dir));
    }

    [Fact]
    public void Scalars_written_by_TorchSharp_read_back_exactly()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var file = WriteWithTorchSharp(("loss", 2.302585f, 0), ("lr/0", 1e-7f, 0), ("grad_norm/fc0", float.NaN, 1), ("eval_loss", -0.5f, 300_000));
        var back = EventFileReader.ReadScalars(file);
        Assert.Equal(["loss", "lr/0", "grad_norm/fc0", "eval_loss"], back.Select(s => s.Tag));
        Assert.Equal([0L, 0, 1, 300_000], back.Select(s => s.Step));
        Assert.Equal(2.302585f, back[0].Value);
        Assert.Equal(1e-7f, back[1].Value);
        Assert.True(float.IsNaN(back[2].Value));
        Assert.Equal(-0.5f, back[3].Value);
        Assert.All(back, s => Assert.InRange(s.WallTime, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    }

    [Fact]
    public void A_torn_or_corrupt_last_record_ends_the_file()
    {
        var file = WriteWithTorchSharp(("loss", 1f, 0), ("loss", 2f, 1), ("loss", 3f, 2));
        var whole = File.ReadAllBytes(file);
        File.WriteAllBytes(file, whole[..^5]); // kill -9 in the middle of the last record
        Assert.Equal([1f, 2f], EventFileReader.ReadScalars(file).Select(s => s.Value));
        var flipped = whole.ToArray();
        flipped[^6] ^= 0x40; // a changed byte in the last record's data fails its checksum
        File.WriteAllBytes(file, flipped);
        Assert.Equal([1f, 2f], EventFileReader.ReadScalars(file).Select(s => s.Value));
        File.WriteAllBytes(file, whole);
        Assert.Equal([1f, 2f, 3f], EventFileReader.ReadScalars(file).Select(s => s.Value));
    }

    [Fact]
    public void The_masked_crc_matches_the_published_crc32c_check_value()
    {
        // CRC-32C of "123456789" is 0xE3069283 (RFC 3720); TFRecord stores it rotated right by 15 plus 0xa282ead8.
        const uint crc = 0xE3069283u;
        Assert.Equal(((crc >> 15) | (crc << 17)) + 0xa282ead8u, EventFileReader.MaskedCrc("123456789"u8));
    }

    [Fact]
    public void Retired_files_are_hidden_from_TensorBoard_and_still_read()
    {
        WriteWithTorchSharp(("eval_loss", 0.25f, 10));
        BoardFiles.Retire(_dir);
        Assert.Empty(BoardFiles.EventFiles(_dir));
        Assert.All(Directory.GetFiles(_dir, "*", SearchOption.AllDirectories), f => Assert.DoesNotContain("tfevents", Path.GetFileName(f)));
        Assert.True(BoardFiles.Any(_dir));
        Assert.Equal(("eval_loss", 10L, 0.25f), Assert.Single(BoardFiles.ReadAll(_dir)) is var s ? (s.Tag, s.Step, s.Value) : default);
        BoardFiles.DropRetired(_dir);
        Assert.False(BoardFiles.Any(_dir));
    }
}
