using Ramp.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Loop;

/// <summary>
/// Saves and restores the tensors of a checkpoint: <c>model-&lt;step&gt;.bin</c>, <c>optimizer-&lt;step&gt;.bin</c> and
/// <c>rng-&lt;step&gt;.bin</c> (torch's CPU generator), each written atomically, then <c>latest.json</c> last, so a
/// kill at any moment leaves the previous checkpoint whole. Older tensor files are removed afterwards.
/// </summary>
public static class Checkpointer
{
    /// <summary>Writes the tensors for <paramref name="info"/>'s step, then the index; returns the index written.</summary>
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
        folder.WriteCheckpointInfo(named);
        var keep = new HashSet<string> { named.ModelFile, named.OptimizerFile, named.RngFile, "latest.json" };
        foreach (var file in Directory.GetFiles(folder.Checkpoints))
            if (!keep.Contains(Path.GetFileName(file)) && !Path.GetFileName(file).StartsWith('.')) File.Delete(file);
        return named;
    }

    /// <summary>Loads the model weights, optimizer state and random-generator state named by <paramref name="info"/>.</summary>
    public static void Load(RunFolder folder, CheckpointInfo info, nn.Module model, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        OwnedTensors.Create(() =>
        {
            model.load(Path.Combine(folder.Checkpoints, info.ModelFile));
            optimizer.load_state_dict(Path.Combine(folder.Checkpoints, info.OptimizerFile));
        });
        using var rng = tensor(File.ReadAllBytes(Path.Combine(folder.Checkpoints, info.RngFile)));
        torch.random.set_rng_state(rng);
    }
}
