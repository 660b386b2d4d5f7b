using static TorchSharp.torch;

namespace Ramp.Training.Data;

/// <summary>
/// What the loop needs from a data split: its size and a way to gather examples by index. The loop owns the order
/// (a seeded permutation per epoch), so the data position in a checkpoint is just (epoch, batch within epoch).
/// </summary>
public interface ITrainingData
{
    /// <summary>Number of examples in the split.</summary>
    long Count { get; }

    /// <summary>Number of classes (the vocabulary size for a language model).</summary>
    int Classes { get; }

    /// <summary>Whether targets are next tokens (no accuracy is reported; the loss is in nats per token).</summary>
    bool IsLanguageModel { get; }

    /// <summary>The inputs and targets of the examples at <paramref name="indices"/>, on <paramref name="device"/>.</summary>
    (Tensor Inputs, Tensor Targets) Gather(long[] indices, Device device);
}
