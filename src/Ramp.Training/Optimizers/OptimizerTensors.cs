using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>Helpers the optimizers' own state types share.</summary>
internal static class OptimizerTensors
{
    /// <summary>
    /// <paramref name="tensor"/> on <paramref name="device"/>, kept out of any dispose scope; the old tensor is disposed
    /// when the move made a new one (a state holds one tensor per slot, never both).
    /// </summary>
    public static Tensor Move(Tensor tensor, Device device)
    {
        var moved = tensor.to(device).DetachFromDisposeScope();
        if (!ReferenceEquals(moved, tensor)) tensor.Dispose();
        return moved;
    }
}
