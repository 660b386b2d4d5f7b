using Ramp.Cli.Tests.Faults;

namespace Ramp.Cli.Tests.Slurm;

/// <summary>What the Slurm tests do as a user does: <c>ramp</c> on PATH for the job files, one pinned process to compare
/// with, the tasks' log files.</summary>
internal static class SlurmUser
{
    /// <summary>
    /// <c>ramp</c> as one process on one CPU (<c>taskset -c 0</c>): one torch thread, as each worker of a task's
    /// <c>--jobs 2</c> on its 2 CPUs (float sums in another thread count round differently, so only equal thread counts
    /// give equal digits).
    /// </summary>
    public static RealRamp.Result OnOneCpu(params string[] args)
    {
        var info = RealRamp.Info(args);
        info.ArgumentList.Insert(0, info.FileName);
        info.ArgumentList.Insert(0, "0");
        info.ArgumentList.Insert(0, "-c");
        info.FileName = SlurmCluster.Find("taskset") ?? throw new InvalidOperationException("taskset (util-linux) is not installed");
        using var process = System.Diagnostics.Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new RealRamp.Result(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>The job files call <c>ramp</c>: a folder under <paramref name="root"/> with a <c>ramp</c> that runs this build's binary,
    /// to put first on PATH.</summary>
    public static string RampOnPath(string root)
    {
        var bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
        var ramp = Path.Combine(bin, "ramp");
        File.WriteAllText(ramp, $"#!/bin/sh\nexec dotnet exec \"{Path.Combine(AppContext.BaseDirectory, "ramp.dll")}\" \"$@\"\n");
        SlurmCluster.SetMode(ramp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    /// <summary>The <c>slurm-*.out</c> files of <paramref name="folder"/>, in name order, for a failure message or a check.</summary>
    public static string Outputs(string folder) =>
        string.Join("\n", Directory.GetFiles(folder, "slurm-*.out").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    /// <summary>Writes the Slurm tests' grid into <paramref name="folder"/>: six runs of a small MLP on the shipped data,
    /// two arms of three peaks, <paramref name="steps"/> steps (seconds each, long enough to cancel a task mid-run; each
    /// halving rung keeps one cell of each arm).</summary>
    public static string TinyGrid(string folder, int steps)
    {
        var path = Path.Combine(folder, "grid.json");
        File.WriteAllText(path, $$"""
            {
              "case_study": "tiny",
              "data": "fashion-mnist",
              "model": { "kind": "mlp", "hidden": [16] },
              "optimizer": { "name": "sgd", "momentum": 0.9 },
              "batch": 32,
              "steps": {{steps}},
              "peaks": [0.02, 0.05, 0.1],
              "seeds": [1],
              "arms": [ { "name": "none", "schedule": "cosine({steps})" }, { "name": "warmup",
                  "schedule": "warmup(30) >> cosine({steps - 30})" } ]
            }
            """);
        return path;
    }
}
