using System.Diagnostics;

namespace Ramp.Cli.Commands;

/// <summary>
/// Ties a <c>ramp compare</c> worker's life to its parent's. The parent starts each worker with its standard input
/// a pipe that it never writes and never closes; when the parent ends, however it ends (<c>kill -9</c> included), the
/// kernel closes the pipe, the worker reads end-of-file and kills itself at once. Without this an orphaned worker
/// went on writing its run folders while a rerun of the comparison wrote them too. The worker's half-written run
/// is then exactly what a killed <c>ramp train</c> leaves, and the rerun resumes it.
/// </summary>
public static class WorkerLifetime
{
    /// <summary>Set to 1 in a worker's environment by its parent: the worker's standard input is the parent's pipe.</summary>
    public const string Variable = "RAMP_WORKER_PARENT_PIPE";

    /// <summary>Marks <paramref name="info"/> as a worker whose life follows this process's.</summary>
    public static void Prepare(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardInput = true;
        info.Environment[Variable] = "1";
    }

    /// <summary>
    /// In a worker started by <see cref="Prepare"/>: watches standard input on a background thread and kills this
    /// process when it reaches end-of-file. Does nothing in any other process (a test host, a user's shell).
    /// </summary>
    public static void FollowParent()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1" || !Console.IsInputRedirected) return;
        var watcher = new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[64];
            try
            {
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                    // The parent never writes; anything read is ignored.
                }
            }
            catch (IOException)
            {
                // A broken pipe is the parent gone too.
            }
            // SIGKILL, not a managed exit: the training thread must not write another row once the parent is gone.
            Process.GetCurrentProcess().Kill();
        })
        { IsBackground = true, Name = "ramp worker: parent watch" };
        watcher.Start();
    }
}
