using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ramp.Cli.Tests.Slurm;

/// <summary>
/// A single-node Slurm cluster on this machine (Debian 12's <c>slurm-wlm</c> 22.05 and <c>munge</c>): munged,
/// slurmctld and slurmd on localhost with 2 CPUs, every file (key, socket, state, spool, logs) under one folder, ports
/// picked free, so it touches nothing of the machine's own Slurm. A job whose dependency can no longer be met (a rung
/// after a failed one) is cancelled rather than left pending, so a test waiting for an empty queue ends. Tests never
/// install system software: <c>.ci/run</c>
/// installs the packages when they are missing. Without them (or without root, which slurmd needs) <see cref="Why"/>
/// says so; the tests then skip on a developer's machine and fail under CI (<c>CI=true</c>), where a skip would pass
/// unseen. <see cref="Dispose"/> stops the daemons, whatever the test did.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private static readonly string[] Programs = ["munged", "slurmctld", "slurmd", "sbatch", "sinfo", "squeue", "scancel", "scontrol"];
    private readonly string _root;
    private readonly string _conf;

    /// <summary>True under CI, where a missing Slurm is a failure rather than a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why no cluster can be started here, or null when one can.</summary>
    public static string? Why
    {
        get
        {
            var missing = Programs.Where(p => Find(p) is null).ToArray();
            if (missing.Length > 0)
                return $"Slurm is not installed (no {string.Join(", ", missing)} on PATH or in /usr/sbin); .ci/run installs the Debian packages slurm-wlm and munge when they are missing";
            return Environment.UserName == "root" ? null : "slurmd needs root to start a test cluster (.ci/run runs as root)";
        }
    }

    /// <summary>Starts munged, slurmctld and slurmd under <paramref name="root"/> and waits until the node is idle.</summary>
    public SlurmCluster(string root)
    {
        _root = root;
        _conf = Path.Combine(root, "slurm.conf");
        try
        {
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void Start()
    {
        var munge = Directory.CreateDirectory(Path.Combine(_root, "munge")).FullName;
        var key = Directory.CreateDirectory(Path.Combine(_root, "munge-key")).FullName;
        SetMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var keyFile = Path.Combine(key, "munge.key");
        File.WriteAllBytes(keyFile, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        SetMode(keyFile, UnixFileMode.UserRead);
        foreach (var d in new[] { "state", "spool", "log" }) Directory.CreateDirectory(Path.Combine(_root, d));
        var socket = Path.Combine(munge, "munge.socket");
        Exec("munged", $"--key-file={keyFile}", $"--socket={socket}", $"--pid-file={Path.Combine(munge, "munged.pid")}",
            $"--log-file={Path.Combine(munge, "munged.log")}", $"--seed-file={Path.Combine(munge, "munged.seed")}");
        File.WriteAllText(_conf, Config(socket, FreePort(), FreePort()));
        Exec("slurmctld", "-f", _conf);
        Exec("slurmd", "-f", _conf, "-N", "localhost");
        WaitFor(() => Client("sinfo", "--noheader", "--format=%t").Out.Trim() == "idle", "the node to come up idle", 60);
    }

    private string Config(string socket, int controllerPort, int nodePort)
    {
        var memory = (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024)) - 512;
        string P(string name) => Path.Combine(_root, name);
        return $"""
            ClusterName=ramptest
            SlurmctldHost=localhost
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            AuthInfo=socket={socket}
            CredType=cred/munge
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SelectType=select/cons_tres
            SchedulerType=sched/backfill
            MpiDefault=none
            DependencyParameters=kill_invalid_depend
            ReturnToService=2
            SlurmctldPort={controllerPort}
            SlurmdPort={nodePort}
            StateSaveLocation={P("state")}
            SlurmdSpoolDir={P("spool")}
            SlurmctldPidFile={P("slurmctld.pid")}
            SlurmdPidFile={P("slurmd.pid")}
            SlurmctldLogFile={P("log/slurmctld.log")}
            SlurmdLogFile={P("log/slurmd.log")}
            JobCompType=jobcomp/none
            AccountingStorageType=accounting_storage/none
            NodeName=localhost CPUs=2 RealMemory={memory} State=UNKNOWN
            PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP

            """;
    }

    /// <summary>Runs a Slurm client (<c>sinfo</c>, <c>scancel</c>, ...) against this cluster.</summary>
    public (int Code, string Out, string Err) Client(string program, params string[] args) => ClientIn(_root, null, program, args);

    /// <summary>As <see cref="Client"/>, in <paramref name="workDir"/> with <paramref name="path"/> put first on PATH.</summary>
    public (int Code, string Out, string Err) ClientIn(string workDir, string? path, string program, params string[] args)
    {
        var info = new ProcessStartInfo(Find(program)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDir };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["SLURM_CONF"] = _conf;
        if (path is not null) info.Environment["PATH"] = path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    /// <summary>The cluster's logs, for a failure message.</summary>
    public string Logs() => string.Join("\n", Directory.GetFiles(Path.Combine(_root, "log")).Select(f => $"--- {f}\n{string.Join('\n', File.ReadLines(f).TakeLast(20))}"));

    /// <summary>Cancels every job, shuts slurmctld and slurmd down and stops munged; each step runs even when one before it failed.</summary>
    public void Dispose()
    {
        Try(() => Client("scancel", "--full", "--user=root"));
        Try(() => Client("scontrol", "shutdown"));
        foreach (var pid in new[] { "slurmd.pid", "slurmctld.pid", "munge/munged.pid" }) Try(() => Stop(Path.Combine(_root, pid)));
    }

    // A daemon that did not go on `scontrol shutdown` is ended by the process id it wrote (SIGTERM, then SIGKILL).
    private static void Stop(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) return;
        try
        {
            using var p = Process.GetProcessById(pid);
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(100);
            if (!p.HasExited) p.Kill();
            p.WaitForExit();
        }
        catch (ArgumentException)
        {
            // already gone
        }
    }

    private static void Try(Action a)
    {
        try
        {
            a();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // the next step still runs
        }
    }

    private static void Exec(string program, params string[] args)
    {
        var info = new ProcessStartInfo(Find(program)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} exited {p.ExitCode}: {err.Result}");
    }

    internal static void WaitFor(Func<bool> condition, string what, double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"waited {seconds} s for {what}");
            Thread.Sleep(200);
        }
    }

    /// <summary>Sets a file's Unix permissions (munged refuses a key that others can read).</summary>
    internal static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The program on PATH or in the system folders, or null.</summary>
    public static string? Find(string program)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin"]);
        return dirs.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }
}
