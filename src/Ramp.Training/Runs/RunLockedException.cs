namespace Ramp.Training.Runs;

/// <summary>Another process holds the lock of a folder this process was about to write (see <see cref="RunLock"/>).</summary>
public sealed class RunLockedException : IOException
{
    /// <summary>Creates the error for <paramref name="folder"/>, held by process <paramref name="holder"/> (null when unknown).</summary>
    public RunLockedException(string folder, int? holder)
        : base($"{folder}: another ramp process ({(holder is { } pid ? $"PID {pid}" : "PID unknown")}) is writing this folder; wait for " +
            "it to end or stop it")
    {
        Folder = folder;
        Holder = holder;
    }

    /// <summary>The locked folder.</summary>
    public string Folder { get; }

    /// <summary>The holder's process id, or null when it could not be read.</summary>
    public int? Holder { get; }
}
