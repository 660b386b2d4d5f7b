using Ramp.Runs;
using System.Diagnostics;
using System.Globalization;

namespace Ramp.Training.Runs;

/// <summary>
/// An exclusive lock on a folder that one process writes (a run folder, a comparison directory): the file
/// <c>&lt;folder&gt;/&lt;name&gt;.lock</c> held open with <see cref="FileShare.None"/>, which .NET on Linux and macOS
/// turns into <c>flock(LOCK_EX | LOCK_NB)</c>, so the kernel releases it when the holder exits, however it exits
/// (<c>kill -9</c> included) and no stale lock is ever left behind. The holder's process id is written beside it in
/// <c>&lt;name&gt;.lock.pid</c> (a reader cannot open the locked file itself: .NET takes a shared <c>flock</c> for
/// reading). The lock files are never deleted: deleting a lock file while another process waits on it would let a
/// third process lock a new file of the same name.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>The lock of a run folder: <c>run.lock</c>.</summary>
    public const string RunName = "run";

    private readonly FileStream _stream;

    private RunLock(FileStream stream, string folder)
    {
        _stream = stream;
        Folder = folder;
    }

    /// <summary>The locked folder (full path).</summary>
    public string Folder { get; }

    /// <summary>Whether <paramref name="fileName"/> is one of the lock's files (kept when a folder is cleared).</summary>
    public static bool IsLockFile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.EndsWith(".lock", StringComparison.Ordinal) || fileName.EndsWith(".lock.pid", StringComparison.Ordinal);
    }

    /// <summary>Deletes everything in <paramref name="folder"/> but the lock files, which its writer holds.</summary>
    public static void ClearFolder(string folder)
    {
        foreach (var directory in Directory.GetDirectories(folder)) Directory.Delete(directory, recursive: true);
        foreach (var file in Directory.GetFiles(folder))
            if (!IsLockFile(Path.GetFileName(file))) File.Delete(file);
    }

    /// <summary>
    /// Creates <paramref name="folder"/> when needed and locks it; when another process holds the lock, tries again
    /// until <paramref name="wait"/> has passed (a worker of a killed comparison needs a moment to notice and exit).
    /// </summary>
    /// <exception cref="RunLockedException">Another live process still holds the lock.</exception>
    public static RunLock Acquire(string folder, string name = RunName, TimeSpan wait = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var path = Path.Combine(full, name + ".lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                AtomicFile.WriteAllText(path + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
                return new RunLock(stream, full);
            }
            catch (IOException) when (File.Exists(path) && IsHeld(path))
            {
                if (clock.Elapsed >= wait) throw new RunLockedException(full, Holder(path));
                Thread.Sleep(100);
            }
        }
    }

    // An IOException on opening an existing lock file is the sharing violation; anything else (a disk error) is not.
    private static bool IsHeld(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static int? Holder(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path + ".pid").Trim(), NumberStyles.None, CultureInfo.InvariantCulture,
                out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Releases the lock (the file stays).</summary>
    public void Dispose() => _stream.Dispose();
}
