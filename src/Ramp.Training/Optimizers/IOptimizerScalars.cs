using static TorchSharp.torch;

namespace Ramp.Training.Optimizers;

/// <summary>
/// An optimizer with numbers of its own worth a column in the metrics (Prodigy's estimate <c>d</c>, Schedule-Free's
/// averaging weight): the loop records them after every step with the monitor's device vector, so they are read back
/// with the other metrics every K steps and never force a host synchronisation of their own.
/// </summary>
public interface IOptimizerScalars
{
    /// <summary>The scalars' names, fixed for the optimizer's life: metric columns and TensorBoard tags
    /// (<c>optimizer/&lt;name&gt;</c>).</summary>
    IReadOnlyList<string> ScalarNames { get; }

    /// <summary>The values after the last step, one 0-dim tensor per name, on the parameters' device. The caller copies
    /// them at once (an optimizer may return a tensor it later updates in place) and disposes nothing.</summary>
    IReadOnlyList<Tensor> ScalarValues();
}
