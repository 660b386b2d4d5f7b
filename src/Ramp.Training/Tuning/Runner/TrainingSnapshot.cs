using Ramp.Training.Loop;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Tuning.Runner;

/// <summary>
/// The model's weights, the optimizer's state (including its learning rates) and torch's random-generator state,
/// held in memory so a range test or a cold-start trial can put everything back exactly as it was.
/// </summary>
public sealed class TrainingSnapshot
{
    private readonly nn.Module _model;
    private readonly OptimizerHelper _optimizer;
    private readonly byte[] _weights;
    private readonly byte[] _state;
    private readonly byte[] _rng;

    /// <summary>Takes a snapshot of <paramref name="model"/> and <paramref name="optimizer"/> now.</summary>
    public TrainingSnapshot(nn.Module model, OptimizerHelper optimizer)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _weights = Write(w => model.save(w));
        _state = Write(optimizer.save_state_dict);
        using var rng = torch.random.get_rng_state();
        _rng = rng.data<byte>().ToArray();
    }

    /// <summary>Puts the weights, the optimizer state and the generator state back as they were when taken.</summary>
    public void Restore()
    {
        OwnedTensors.Create(() =>
        {
            using (var reader = new BinaryReader(new MemoryStream(_weights))) _model.load(reader);
            using (var reader = new BinaryReader(new MemoryStream(_state))) _optimizer.load_state_dict(reader);
        });
        using var rng = tensor(_rng);
        torch.random.set_rng_state(rng);
    }

    private static byte[] Write(Action<BinaryWriter> save)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) save(writer);
        return buffer.ToArray();
    }
}
