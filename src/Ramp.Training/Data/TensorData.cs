using Ramp.Schedules;
using static TorchSharp.torch;

namespace Ramp.Training.Data;

/// <summary>An in-memory split held as two tensors (inputs along dimension 0, integer class targets).</summary>
public sealed class TensorData : ITrainingData
{
    private readonly Tensor _inputs;
    private readonly Tensor _targets;

    /// <summary>Wraps <paramref name="inputs"/> and <paramref name="targets"/> (same length along dimension 0).</summary>
    public TensorData(Tensor inputs, Tensor targets, int classes, bool isLanguageModel = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.shape[0] != targets.shape[0])
            throw RampArgumentException.For($"data: {inputs.shape[0]} inputs but {targets.shape[0]} targets", nameof(targets));
        _inputs = inputs;
        _targets = targets;
        Classes = classes;
        IsLanguageModel = isLanguageModel;
    }

    /// <inheritdoc />
    public long Count => _inputs.shape[0];

    /// <inheritdoc />
    public int Classes { get; }

    /// <inheritdoc />
    public bool IsLanguageModel { get; }

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Targets) Gather(long[] indices, Device device)
    {
        using var index = tensor(indices, dtype: int64);
        return (_inputs.index_select(0, index).to(device), _targets.index_select(0, index).to(device));
    }
}
