using Ramp.Runs;
using Ramp.Training.Loop;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Checkpoints;

/// <summary>
/// Saves and restores the tensors of a checkpoint: <c>model-&lt;step&gt;.bin</c>, <c>optimizer-&lt;step&gt;.bin</c> and
/// <c>rng-&lt;step&gt;.bin</c> (torch's CPU generator), each written atomically, then their index
/// <c>checkpoint-&lt;step&gt;.json</c> with each file's length and SHA-256, then its copy <c>latest.json</c> last, so a
/// kill at any moment leaves the previous checkpoint whole. The last two checkpoints are kept. Every file is checked
/// (length, checksum, and for the model its tensor names and shapes) before any byte of it reaches libtorch, which
/// aborts the process on some malformed inputs instead of throwing.
/// </summary>
internal static class Checkpointer
{
    private const string IndexPrefix = "checkpoint-";

    /// <summary>Writes the tensors for <paramref name="info"/>'s step, then the indexes; returns the index written.</summary>
    public static CheckpointInfo Save(RunFolder folder, nn.Module model, OptimizerHelper optimizer, CheckpointInfo info)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(info);
        var named = info with
        {
            ModelFile = $"model-{info.Step}.bin",
            OptimizerFile = $"optimizer-{info.Step}.bin",
            RngFile = $"rng-{info.Step}.bin",
        };
        AtomicFile.WriteVia(Path.Combine(folder.Checkpoints, named.ModelFile), path => model.save(path));
        AtomicFile.WriteVia(Path.Combine(folder.Checkpoints, named.OptimizerFile), optimizer.save_state_dict);
        using (var rng = torch.random.get_rng_state())
        {
            var bytes = rng.data<byte>().ToArray();
            AtomicFile.Write(Path.Combine(folder.Checkpoints, named.RngFile), s => s.Write(bytes));
        }
        named = named with { Files = [.. new[] { named.ModelFile, named.OptimizerFile, named.RngFile }.Select(f => Describe(folder, f))] };
        var json = JsonSerializer.Serialize(named, RunJson.Indented) + "\n";
        AtomicFile.WriteAllText(IndexPath(folder, named.Step), json);
        AtomicFile.WriteAllText(folder.LatestCheckpoint, json);
        RemoveOlder(folder, named.Step);
        return named;
    }

    /// <summary>
    /// Before a resume: finds the newest intact checkpoint (<c>latest.json</c>, then the older indexes) and makes
    /// <c>latest.json</c> name it. Each damaged checkpoint passed over is reported through <paramref name="warn"/> with
    /// the file, what is wrong and how many steps will be redone. Returns the chosen index, or null when the folder has
    /// no checkpoint at all.
    /// </summary>
    /// <exception cref="CheckpointDamagedException">Checkpoints exist but none is intact (the newest one's fault is named).</exception>
    public static CheckpointInfo? PrepareResume(RunFolder folder, nn.Module model, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(warn);
        var candidates = new List<(string File, long? Step)>();
        if (File.Exists(folder.LatestCheckpoint)) candidates.Add((folder.LatestCheckpoint, null));
        candidates.AddRange(Indexes(folder).OrderByDescending(i => i.Step).Select(i => (i.File, (long?)i.Step)));
        if (candidates.Count == 0) return null;
        var damaged = new List<(CheckpointDamagedException Error, long? Step)>();
        var tried = new HashSet<string>();
        foreach (var (file, step) in candidates)
        {
            CheckpointInfo info;
            var at = step;
            try
            {
                var text = ReadText(file);
                if (!tried.Add(text)) continue; // the index latest.json copied, already refused
                info = ReadIndex(file, text);
                at = info.Step;
                Verify(folder, info, model);
            }
            catch (CheckpointDamagedException e)
            {
                damaged.Add((e, at ?? NewestIndexStep(folder))); // an unreadable latest.json is a copy of the newest index
                continue;
            }
            if (file == folder.LatestCheckpoint) return info;
            if (damaged.Count == 0) warn($"warning: {folder.LatestCheckpoint}: missing; resuming from {file} (step {info.Step})");
            foreach (var (error, from) in damaged)
            {
                var redone = from is { } a && a > info.Step ? $"{a - info.Step} steps are redone" : "no step is lost";
                warn($"warning: {error.Message}; resuming from the checkpoint of step {info.Step} instead ({redone})");
            }
            AtomicFile.WriteAllText(folder.LatestCheckpoint, ReadText(file));
            return info;
        }
        var newest = damaged[0].Error;
        throw new CheckpointDamagedException(newest.File,
            newest.Problem + (candidates.Count > 1 ? "; no older checkpoint is intact either" : "; there is no older checkpoint"));
    }

    /// <summary>Checks, then loads the model weights, optimizer state and random-generator state named by <paramref
    /// name="info"/>.</summary>
    /// <exception cref="CheckpointDamagedException">A file is missing, cut short, altered or from another model.</exception>
    public static void Load(RunFolder folder, CheckpointInfo info, nn.Module model, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        Verify(folder, info, model);
        var file = Path.Combine(folder.Checkpoints, info.ModelFile);
        try
        {
            OwnedTensors.Create(() =>
            {
                model.load(file);
                file = Path.Combine(folder.Checkpoints, info.OptimizerFile);
                optimizer.load_state_dict(file);
            });
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or FormatException
                                   or System.Runtime.InteropServices.ExternalException)
        {
            throw new CheckpointDamagedException(file, $"cannot be loaded: {e.Message.Split('\n')[0]}", e);
        }
        using var rng = tensor(File.ReadAllBytes(Path.Combine(folder.Checkpoints, info.RngFile)));
        torch.random.set_rng_state(rng);
    }

    /// <summary>
    /// Checks every file <paramref name="info"/> names: present, of the recorded length and SHA-256; the model file
    /// holding the tensors of <paramref name="model"/>; the generator state of the length torch uses.
    /// </summary>
    /// <exception cref="CheckpointDamagedException">The first file found wrong, with what is wrong.</exception>
    public static void Verify(RunFolder folder, CheckpointInfo info, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(model);
        foreach (var name in new[] { info.ModelFile, info.OptimizerFile, info.RngFile })
        {
            var path = Path.Combine(folder.Checkpoints, name ?? "");
            if (string.IsNullOrEmpty(name) || name.Contains('/') || name.Contains('\\'))
                throw new CheckpointDamagedException(folder.LatestCheckpoint, $"names no valid tensor file ('{name}')");
            if (!File.Exists(path)) throw new CheckpointDamagedException(path, "missing");
            if (info.Files?.FirstOrDefault(f => f.Name == name) is not { } recorded) continue;
            var length = new FileInfo(path).Length;
            if (length != recorded.Bytes)
                throw new CheckpointDamagedException(path, $"{length} bytes, but {recorded.Bytes} were written (cut short or replaced)");
            if (Sha256(path) != recorded.Sha256)
                throw new CheckpointDamagedException(path, "its SHA-256 differs from the one written with it (altered, or a file of " +
                    "another run)");
        }
        CheckModel(Path.Combine(folder.Checkpoints, info.ModelFile), model);
        var rngPath = Path.Combine(folder.Checkpoints, info.RngFile);
        using var state = torch.random.get_rng_state();
        if (new FileInfo(rngPath).Length != state.numel())
            throw new CheckpointDamagedException(rngPath, $"{new FileInfo(rngPath).Length} bytes, but torch's generator state " +
                $"has {state.numel()}");
    }

    private static void CheckModel(string path, nn.Module model)
    {
        IReadOnlyList<(string Name, long[] Shape)> stored;
        try
        {
            stored = ModelFileHeader.Read(path);
        }
        catch (FormatException e)
        {
            throw new CheckpointDamagedException(path, $"not a model file: {e.Message}", e);
        }
        var expected = model.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);
        if (stored.Count != expected.Count)
            throw new CheckpointDamagedException(path, $"holds {stored.Count} tensors but the model has {expected.Count} (a file of " +
                "another model)");
        foreach (var (name, shape) in stored)
        {
            if (!expected.TryGetValue(name, out var want))
                throw new CheckpointDamagedException(path, $"holds tensor '{name}', which the model does not have (a file of " +
                    "another model)");
            if (!want.SequenceEqual(shape))
                throw new CheckpointDamagedException(path,
                    $"tensor '{name}' has shape [{string.Join(", ", shape)}] but the model's is [{string.Join(", ", want)}] (a file of " +
                        "another model)");
        }
    }

    private static string ReadText(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointDamagedException(file, $"cannot be read: {e.Message}", e);
        }
    }

    private static CheckpointInfo ReadIndex(string file, string text)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointInfo>(text, RunJson.Indented)
                ?? throw new CheckpointDamagedException(file, "holds null instead of a checkpoint index");
        }
        catch (JsonException e)
        {
            throw new CheckpointDamagedException(file, $"not a valid checkpoint index: {e.Message.Split('\n')[0]}", e);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new CheckpointDamagedException(file, $"not a valid checkpoint index: {e.Message.Split('\n')[0]}", e);
        }
    }

    private static long? NewestIndexStep(RunFolder folder) => Indexes(folder).Select(i => (long?)i.Step).Max();

    private static long? StepInName(string name)
    {
        var dash = name.LastIndexOf('-');
        var dot = name.LastIndexOf('.');
        return dash >= 0 && dot > dash && long.TryParse(name[(dash + 1)..dot], NumberStyles.None, CultureInfo.InvariantCulture,
            out var s) ? s : null;
    }

    private static IEnumerable<(string File, long Step)> Indexes(RunFolder folder) =>
        !Directory.Exists(folder.Checkpoints)
            ? []
            : Directory.GetFiles(folder.Checkpoints, IndexPrefix + "*.json")
                .Select(f => (File: f, Step: StepInName(Path.GetFileName(f))))
                .Where(p => p.Step is not null)
                .Select(p => (p.File, p.Step!.Value));

    private static string IndexPath(RunFolder folder, long step) =>
        Path.Combine(folder.Checkpoints, $"{IndexPrefix}{step.ToString(CultureInfo.InvariantCulture)}.json");

    // Keeps the checkpoint just written and the newest one before it (after a fall-back, a damaged newer one goes).
    private static void RemoveOlder(RunFolder folder, long step)
    {
        var previous = Indexes(folder).Where(i => i.Step < step).Select(i => (long?)i.Step).Max();
        foreach (var file in Directory.GetFiles(folder.Checkpoints))
        {
            var name = Path.GetFileName(file);
            if (name == "latest.json" || name.StartsWith('.')) continue;
            var at = StepInName(name);
            if (at != step && at != previous) File.Delete(file);
        }
    }

    private static CheckpointFile Describe(RunFolder folder, string name)
    {
        var path = Path.Combine(folder.Checkpoints, name);
        return new CheckpointFile(name, new FileInfo(path).Length, Sha256(path));
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
