using System.Text;

namespace Ramp.Runs;

/// <summary>
/// Writes files so that a reader (or a resumed run after <c>kill -9</c>) sees either the old or the new content,
/// never a torn one: write a temporary file beside the target, flush it to disk, then rename it over the target.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no BOM).</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        });

    /// <summary>Atomically replaces <paramref name="path"/> with what <paramref name="write"/> puts into the stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Replace(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>Atomically writes a file by letting <paramref name="writeTo"/> write to a temporary path (for libraries that only save to a
    /// path).</summary>
    public static void WriteVia(string path, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        Replace(path, temp =>
        {
            writeTo(temp);
            using var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite);
            stream.Flush(flushToDisk: true);
        });
    }

    // Fills a temporary file beside the target (same folder, so the rename is atomic), then renames it over the target.
    private static void Replace(string path, Action<string> fill)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            fill(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
