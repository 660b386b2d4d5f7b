using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Ramp.Training.Guards;

/// <summary>
/// What a guard sees of a step: its loss and gradients on the device, and (read back once, on first use) the loss
/// and the global gradient norm on the host, plus what the guards before it decided.
/// </summary>
public sealed class GuardStep
{
    private readonly Tensor? _globalNorm;
    private double? _loss, _norm;

    /// <summary>A step to guard.</summary>
    /// <param name="step">The zero-based step.</param>
    /// <param name="loss">The batch loss (a scalar tensor).</param>
    /// <param name="globalNorm">The global gradient norm (a scalar tensor), or null when no guard needs it.</param>
    /// <param name="parameters">The trainable parameters, in model order.</param>
    /// <param name="layerOfParameter">The layer index of each parameter.</param>
    /// <param name="layers">Number of layers.</param>
    public GuardStep(long step, Tensor loss, Tensor? globalNorm, IReadOnlyList<Parameter> parameters,
        IReadOnlyList<int> layerOfParameter, int layers)
    {
        Step = step;
        Loss = loss;
        _globalNorm = globalNorm;
        Parameters = parameters;
        LayerOfParameter = layerOfParameter;
        Layers = layers;
    }

    /// <summary>The zero-based step.</summary>
    public long Step { get; }

    /// <summary>The batch loss on the device.</summary>
    public Tensor Loss { get; }

    /// <summary>The global gradient norm before any guard, on the device.</summary>
    public Tensor GlobalNorm => _globalNorm ?? throw new InvalidOperationException("guards: the global norm was not computed (no guard " +
        "declared NeedsGlobalNorm)");

    /// <summary>The trainable parameters, in model order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The layer index of each of <see cref="Parameters"/>.</summary>
    public IReadOnlyList<int> LayerOfParameter { get; }

    /// <summary>Number of layers (the last one is the output layer).</summary>
    public int Layers { get; }

    /// <summary>The loss on the host (read back on first use: a host synchronisation).</summary>
    public double LossValue => _loss ??= Loss.to(ScalarType.Float64).item<double>();

    /// <summary>The global gradient norm on the host (read back on first use).</summary>
    public double NormValue => _norm ??= GlobalNorm.to(ScalarType.Float64).item<double>();

    /// <summary>Whether the loss or the gradient norm is NaN or infinite (reads both back).</summary>
    public bool NonFinite => !double.IsFinite(LossValue) || !double.IsFinite(NormValue);

    /// <summary>Whether a guard before this one skipped the update.</summary>
    public bool Skipped { get; internal set; }
}
