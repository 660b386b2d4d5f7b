using Ramp.Training.Runs;

namespace Ramp.Cli.Cli;

/// <summary>
/// The checks every path a command is given passes before any work starts, each failing with one line that names the
/// option, the path and what is wrong (<see cref="UsageException"/>): an output folder must be a folder or creatable
/// under a writable folder, an output file must not be a folder, an input must exist and be of the right kind.
/// Also takes the <see cref="RunLock"/> of an output folder, reporting another writer the same way.
/// </summary>
public static class PathChecks
{
    /// <summary>
    /// <paramref name="path"/> is an existing writable folder, or can be created: its nearest existing ancestor is a
    /// writable folder and no part of it is a file.
    /// </summary>
    public static void OutputFolder(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(option);
        var full = Full(option, path);
        if (File.Exists(full)) throw new UsageException($"{option} {path}: is a file, not a folder");
        Writable(option, path, NearestFolder(option, path, full));
    }

    /// <summary><paramref name="path"/> is a file that can be written: not a folder, and its folder exists or can be created.</summary>
    public static void OutputFile(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(option);
        var full = Full(option, path);
        if (Directory.Exists(full)) throw new UsageException($"{option} {path}: is a folder, not a file");
        var parent = Path.GetDirectoryName(full)!;
        if (File.Exists(parent)) throw new UsageException($"{option} {path}: '{parent}' is a file, not a folder");
        Writable(option, path, NearestFolder(option, path, parent));
    }

    /// <summary>Creates the folder <paramref name="path"/> will be written into (after <see cref="OutputFile"/>).</summary>
    public static void CreateParent(string path) => Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

    /// <summary><paramref name="path"/> is an existing file (a folder is refused).</summary>
    public static void InputFile(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(option);
        var full = Full(option, path);
        if (Directory.Exists(full)) throw new UsageException($"{option} {path}: is a folder; expected a file");
        if (!File.Exists(full)) throw new UsageException($"{option} {path}: no such file");
    }

    /// <summary><paramref name="path"/> is an existing folder (a file is refused).</summary>
    public static void InputFolder(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(option);
        var full = Full(option, path);
        if (File.Exists(full)) throw new UsageException($"{option} {path}: is a file; expected a folder");
        if (!Directory.Exists(full)) throw new UsageException($"{option} {path}: no such folder");
    }

    /// <summary>
    /// Locks the output folder <paramref name="path"/> (creating it) for this process, with the lock named
    /// <paramref name="name"/>; another live writer is one line naming its process id.
    /// </summary>
    public static RunLock Lock(string option, string path, string name = RunLock.RunName)
    {
        try
        {
            return RunLock.Acquire(path, name);
        }
        catch (RunLockedException e)
        {
            throw new UsageException($"{option} {path}: another ramp process ({(e.Holder is { } pid ? $"PID {pid}" : "PID unknown")}) is " +
                "writing this folder; wait for it to end or stop it", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path}: cannot write here: {CommandLineRunner.OneLine(e.Message)}", e);
        }
    }

    private static string Full(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option}: the path is empty");
        if (NulAt(path) is { } at) throw new UsageException($"{option} {path}: not a valid path: {at}");
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option} {path}: not a valid path: {CommandLineRunner.OneLine(e.Message)}", e);
        }
        // Linux and macOS refuse a name over 255 bytes and a path over 4095 (NAME_MAX, PATH_MAX) only when it is used,
        // with a PathTooLongException from deep inside a command; say so before any work.
        var tooLong = full.Split(Path.DirectorySeparatorChar).FirstOrDefault(n => System.Text.Encoding.UTF8.GetByteCount(n) > MaxNameBytes);
        if (tooLong is not null)
            throw new UsageException($"{option} {path}: not a valid path: a name of {System.Text.Encoding.UTF8.GetByteCount(tooLong)} " +
                $"bytes; at most {MaxNameBytes} are allowed");
        if (System.Text.Encoding.UTF8.GetByteCount(full) > MaxPathBytes)
            throw new UsageException($"{option} {path}: not a valid path: {System.Text.Encoding.UTF8.GetByteCount(full)} bytes long; at " +
                $"most {MaxPathBytes} are allowed");
        return full;
    }

    /// <summary>Why <paramref name="path"/> cannot name a file on any system .NET runs on (a NUL character), or null.</summary>
    public static string? NulAt(string path) =>
        path.IndexOf('\0', StringComparison.Ordinal) is var i and >= 0 ? $"a NUL character at position {i + 1}" : null;

    private const int MaxNameBytes = 255;
    private const int MaxPathBytes = 4095;

    // The deepest folder of full that exists; a file on the way is an error.
    private static string NearestFolder(string option, string path, string full)
    {
        var at = full;
        while (!Directory.Exists(at))
        {
            if (File.Exists(at)) throw new UsageException($"{option} {path}: '{at}' is a file, not a folder");
            at = Path.GetDirectoryName(at) ?? throw new UsageException($"{option} {path}: no part of the path exists");
        }
        return at;
    }

    // Permission bits do not tell (root ignores them; read-only mounts ignore them): try to create a file there.
    private static void Writable(string option, string path, string folder)
    {
        var probe = Path.Combine(folder, $".ramp-write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var where = folder == Path.GetFullPath(path) ? "" : $" ('{folder}')";
            throw new UsageException($"{option} {path}: cannot write in this folder{where}: {CommandLineRunner.OneLine(e.Message)}", e);
        }
    }
}
