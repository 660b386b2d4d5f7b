using TorchSharp.Modules;

namespace Ramp.Training.Optimizers;

/// <summary>
/// Builds the optimizer a run or a study cell names, always Ramp's race-free version: <see cref="SGD"/>,
/// <see cref="Adam"/>, <see cref="AdamW"/>, <see cref="RMSProp"/> and <see cref="RectifiedAdam"/> (each
/// holds the numbers of its step in <c>Scalar</c>s TorchSharp's own optimizers leave to the garbage collector).
/// </summary>
public static class OptimizerFactory
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["sgd", "adam", "adamw", "rmsprop", "radam"];

    /// <summary>The optimizer <paramref name="name"/> over <paramref name="parameters"/>, one group.</summary>
    /// <param name="name"><c>sgd</c>, <c>adam</c>, <c>adamw</c>, <c>rmsprop</c> or <c>radam</c>.</param>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0.</param>
    /// <param name="momentum">Momentum of sgd and rmsprop, &gt;= 0 (default 0).</param>
    /// <param name="beta1">First-moment decay of the Adam family (default 0.9).</param>
    /// <param name="beta2">Second-moment decay of the Adam family (default 0.999).</param>
    /// <param name="eps">Denominator epsilon of the Adam family and rmsprop (default 1e-8).</param>
    /// <param name="weightDecay">Weight decay, &gt;= 0: L2 for sgd, adam, rmsprop and radam, decoupled for adamw (default 0).</param>
    /// <param name="decoupledWeightDecay">radam only: decay the weights decoupled, as adamw does (default false).</param>
    /// <exception cref="ArgumentException">An unknown name, or a value outside its range.</exception>
    public static OptimizerHelper Create(string name, IEnumerable<Parameter> parameters, double lr, double momentum = 0,
        double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0, bool decoupledWeightDecay = false) =>
        name switch
        {
            "sgd" => new SGD(parameters, lr, momentum, weightDecay: weightDecay),
            "adam" => new Adam(parameters, lr, beta1, beta2, eps, weightDecay),
            "adamw" => new AdamW(parameters, lr, beta1, beta2, eps, weightDecay),
            "rmsprop" => new RMSProp(parameters, lr, eps: eps, weightDecay: weightDecay, momentum: momentum),
            "radam" => new RectifiedAdam(parameters, lr, beta1, beta2, eps, weightDecay, decoupledWeightDecay),
            _ => throw new ArgumentException(
                $"optimizer: unknown name '{name}'; expected one of {string.Join(", ", Names)}", nameof(name)),
        };
}
