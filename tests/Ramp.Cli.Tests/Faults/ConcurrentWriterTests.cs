using Ramp.Training.Runs;

namespace Ramp.Cli.Tests.Faults;

/// <summary>One writer per run folder: a second <c>ramp train</c> on a folder being written gets the lock's line and exit 2, and the first run loses nothing.</summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_second_train_on_a_folder_being_written_is_refused_with_the_holders_pid()
    {
        var data = RealRamp.FashionMnist(_root);
        var run = Path.Combine(_root, "run");
        string[] args = ["train", "--model", "mlp", "--data", "fashion-mnist", "--data-dir", data, "--lr", "0.05", "--steps", "100000",
            "--batch", "16", "--read-back-every", "5", "--checkpoint-every", "50", "--out", run];
        using var first = RealRamp.Start(args);
        RealRamp.WaitFor(() => File.Exists(Path.Combine(run, "metrics.csv")) && RealRamp.Steps(run).Length > 0, "the first run's rows", first);

        var second = RealRamp.Run([.. args, "--resume"]);
        var third = RealRamp.Run(args);

        var line = $"ramp: --out {run}: another ramp process (PID {first.Id}) is writing this folder; wait for it to end or stop it";
        Assert.Equal(line, DocQuote.Line("docs/run-folder.md", "ramp: --out ").Replace("runs/a", run).Replace("4242", first.Id.ToString()));
        Assert.Equal(2, second.Code);
        Assert.Equal([line], second.ErrLines);
        Assert.Equal(2, third.Code);
        Assert.Equal([line], third.ErrLines);
        Assert.False(first.HasExited, "the first run was still writing");
        first.Kill();
        first.WaitForExit();
        var steps = RealRamp.Steps(run);
        Assert.Equal(Enumerable.Range(0, steps.Length).Select(s => (long)s), steps); // every row once, none lost
    }

    [Fact]
    public void The_lock_is_released_when_its_holder_is_killed()
    {
        var data = RealRamp.FashionMnist(_root);
        var run = Path.Combine(_root, "run");
        using var holder = RealRamp.Start("train", "--model", "mlp", "--data", "fashion-mnist", "--data-dir", data, "--lr", "0.05",
            "--steps", "100000", "--out", run);
        RealRamp.WaitFor(() => File.Exists(Path.Combine(run, "metrics.csv")), "the run to start", holder);
        Assert.Throws<RunLockedException>(() => RunLock.Acquire(run));

        holder.Kill(); // SIGKILL: no managed code of the holder runs
        holder.WaitForExit();

        // The kernel frees the lock as the process ends; the bound only keeps a broken lock from hanging the test.
        using var taken = RunLock.Acquire(run, wait: TimeSpan.FromMinutes(2));
        Assert.Equal(Path.GetFullPath(run), taken.Folder);
    }
}
