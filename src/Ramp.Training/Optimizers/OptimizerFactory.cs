using Ramp.Schedules;
using TorchSharp.Modules;

namespace Ramp.Training.Optimizers;

/// <summary>
/// Builds the optimizer a run or a study cell names, always Ramp's race-free version: <see cref="SGD"/>,
/// <see cref="Adam"/>, <see cref="AdamW"/>, <see cref="RMSProp"/> and <see cref="RectifiedAdam"/> (each
/// holds the numbers of its step in <c>Scalar</c>s TorchSharp's own optimizers leave to the garbage collector), and
/// the warmup-free family: <see cref="ScheduleFreeAdamW"/>, <see cref="ScheduleFreeSgd"/>, <see cref="Prodigy"/>,
/// <see cref="StableAdamW"/>, and GI-Adam as <see cref="Adam.GradientInit"/> on adam and adamw.
/// </summary>
public static class OptimizerFactory
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["sgd", "adam", "adamw", "rmsprop", "radam", "schedule-free-adamw", "schedule-free-sgd", "prodigy", "stable-adamw"];

    /// <summary>The names whose optimizer accepts <c>gradientInit</c> (GI-Adam).</summary>
    public static readonly IReadOnlyList<string> GradientInitNames = ["adam", "adamw"];

    /// <summary>The optimizer <paramref name="name"/> over <paramref name="parameters"/>, one group.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="parameters">Parameters to optimize.</param>
    /// <param name="lr">Learning rate, &gt;= 0 (for prodigy the factor on its estimated step: 1 unless tuned).</param>
    /// <param name="momentum">Momentum of sgd and rmsprop, &gt;= 0 (default 0); for schedule-free-sgd the
    /// interpolation in (0, 1), where 0 means the authors' default 0.9.</param>
    /// <param name="beta1">First-moment decay of the Adam family, and schedule-free-adamw's interpolation (default 0.9).</param>
    /// <param name="beta2">Second-moment decay of the Adam family (default 0.999).</param>
    /// <param name="eps">Denominator epsilon of the Adam family and rmsprop (default 1e-8).</param>
    /// <param name="weightDecay">Weight decay, &gt;= 0: L2 for sgd, adam, rmsprop and radam, decoupled for adamw,
    /// stable-adamw and prodigy, taken at y for the schedule-free pair (default 0).</param>
    /// <param name="decoupledWeightDecay">radam only: decay the weights decoupled, as adamw does (default false).</param>
    /// <param name="gradientInit">GI-Adam: start adam's or adamw's second moment from the first gradient's square
    /// (default false; refused for other names).</param>
    /// <exception cref="ArgumentException">An unknown name, <paramref name="gradientInit"/> for a name other than adam
    /// or adamw, or a value outside its range.</exception>
    public static OptimizerHelper Create(string name, IEnumerable<Parameter> parameters, double lr, double momentum = 0,
        double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0, bool decoupledWeightDecay = false,
        bool gradientInit = false)
    {
        if (gradientInit && !GradientInitNames.Contains(name))
            throw RampArgumentException.For(
                $"optimizer: gradient initialisation (GI-Adam, --gi) applies to adam and adamw, not '{name}'", nameof(gradientInit));
        return name switch
        {
            "sgd" => new SGD(parameters, lr, momentum, weightDecay: weightDecay),
            "adam" => new Adam(parameters, lr, beta1, beta2, eps, weightDecay) { GradientInit = gradientInit },
            "adamw" => new AdamW(parameters, lr, beta1, beta2, eps, weightDecay) { GradientInit = gradientInit },
            "rmsprop" => new RMSProp(parameters, lr, eps: eps, weightDecay: weightDecay, momentum: momentum),
            "radam" => new RectifiedAdam(parameters, lr, beta1, beta2, eps, weightDecay, decoupledWeightDecay),
            "schedule-free-adamw" => new ScheduleFreeAdamW(parameters, lr, beta1, beta2, eps, weightDecay),
            "schedule-free-sgd" => new ScheduleFreeSgd(parameters, lr, momentum == 0 ? 0.9 : momentum, weightDecay),
            "prodigy" => new Prodigy(parameters, lr, beta1, beta2, eps: eps, weightDecay: weightDecay),
            "stable-adamw" => new StableAdamW(parameters, lr, beta1, beta2, eps, weightDecay),
            _ => throw RampArgumentException.For(
                $"optimizer: unknown name '{name}'; expected one of {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>
    /// The settings <see cref="Create"/> uses for <paramref name="name"/> with these arguments, as JSON-ready pairs: the
    /// run's <c>config.json</c> records them as <c>optimizer_settings</c>, in the form <c>ramp compare</c> writes
    /// (<c>name</c>, then <c>momentum</c> or <c>beta1</c>, <c>beta2</c>, <c>eps</c>, then <c>weight_decay</c>;
    /// <c>gradient_init: true</c> for GI-Adam). Schedule-free-sgd's momentum is the one it uses (0 given: 0.9).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static IReadOnlyDictionary<string, object> Settings(string name, double momentum = 0, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, bool gradientInit = false)
    {
        if (!Names.Contains(name))
            throw RampArgumentException.For($"optimizer: unknown name '{name}'; expected one of {string.Join(", ", Names)}", nameof(name));
        var settings = new Dictionary<string, object> { ["name"] = name };
        switch (name)
        {
            case "sgd":
                settings["momentum"] = momentum;
                break;
            case "schedule-free-sgd":
                settings["momentum"] = momentum == 0 ? 0.9 : momentum;
                break;
            case "rmsprop":
                settings["momentum"] = momentum;
                settings["eps"] = eps;
                break;
            default:
                settings["beta1"] = beta1;
                settings["beta2"] = beta2;
                settings["eps"] = eps;
                break;
        }
        settings["weight_decay"] = weightDecay;
        if (gradientInit) settings["gradient_init"] = true;
        return settings;
    }
}
