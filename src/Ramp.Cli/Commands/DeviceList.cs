using System.Globalization;
using Ramp.Cli.Cli;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp compare --devices</c>: the devices the workers train on, one each, round-robin (worker k gets entry
/// k mod n). <c>cpu</c> (default) trains everything on the CPU; <c>cuda</c> means every CUDA device this process
/// sees; <c>cuda:0,cuda:1,...</c> names them. A worker on <c>cuda:i</c> is started with <c>CUDA_VISIBLE_DEVICES</c>
/// set to that one device (the i-th of this process's own <c>CUDA_VISIBLE_DEVICES</c> when it has one, as in a Slurm
/// task given GPUs) and trains on its <c>cuda:0</c>, so it sees only its device.
/// </summary>
/// <param name="Names">The devices in order: <c>cpu</c>, or <c>cuda:i</c> as this process numbers them.</param>
public sealed record DeviceList(IReadOnlyList<string> Names)
{
    /// <summary>The environment variable that limits the CUDA devices a process sees.</summary>
    public const string VisibleVariable = "CUDA_VISIBLE_DEVICES";

    /// <summary>Everything on the CPU.</summary>
    public static DeviceList Cpu { get; } = new(["cpu"]);

    /// <summary>Whether the workers train on CUDA devices.</summary>
    public bool IsCuda => Names[0] != "cpu";

    /// <summary>The device of worker <paramref name="worker"/> as this process numbers it.</summary>
    public string For(int worker) => Names[worker % Names.Count];

    /// <summary>
    /// The <c>CUDA_VISIBLE_DEVICES</c> value for worker <paramref name="worker"/>, given this process's own value
    /// <paramref name="visible"/> (null when unset); null on the CPU.
    /// </summary>
    public string? VisibleFor(int worker, string? visible)
    {
        if (!IsCuda) return null;
        var index = int.Parse(For(worker)["cuda:".Length..], CultureInfo.InvariantCulture);
        var own = string.IsNullOrWhiteSpace(visible) ? null : visible.Split(',', StringSplitOptions.TrimEntries);
        return own is null ? index.ToString(CultureInfo.InvariantCulture) : own[index];
    }

    /// <summary>Parses the option's text; <paramref name="cudaCount"/> gives the CUDA devices this process sees (asked only for a CUDA
    /// list).</summary>
    /// <exception cref="UsageException">Not <c>cpu</c>, <c>cuda</c> or a list of distinct <c>cuda:N</c>, or a device that is not
    /// there.</exception>
    public static DeviceList Parse(string? text, Func<int> cudaCount)
    {
        ArgumentNullException.ThrowIfNull(cudaCount);
        if (text is null or "cpu") return Cpu;
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        var indices = names.Select(n => n.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(n["cuda:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).ToArray();
        if (text != "cuda" && indices.Any(i => i < 0))
            throw new UsageException("--devices: expected cpu, cuda, or CUDA devices like cuda:0,cuda:1 " +
                $"but found '{names[Array.IndexOf(indices, -1)]}'");
        if (indices.Distinct().Count() != indices.Length) throw new UsageException($"--devices: a device is listed twice in '{text}'");
        var count = cudaCount();
        if (count == 0)
            throw new UsageException(
                $"--devices {text}: no CUDA device is available (this build has the CPU libtorch, or the machine has no GPU)");
        if (text == "cuda") return new DeviceList([.. Enumerable.Range(0, count).Select(i => $"cuda:{i}")]);
        if (indices.FirstOrDefault(i => i >= count, -1) is var missing and >= 0)
            throw new UsageException($"--devices: cuda:{missing} is not there: " +
                $"this process sees {count} CUDA device(s), cuda:0 to cuda:{count - 1}");
        return new DeviceList(names);
    }
}
