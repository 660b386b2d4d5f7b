namespace Ramp.Training.Studies;

/// <summary>The optimizer of a comparison grid (an arm may swap the name, e.g. for RAdam, keeping the rest).</summary>
/// <param name="Name"><c>sgd</c>, <c>adam</c>, <c>adamw</c> or <c>radam</c>.</param>
/// <param name="Momentum">SGD momentum in [0, 1) (default 0).</param>
/// <param name="Beta1">Adam's beta1 in [0, 1) (default 0.9).</param>
/// <param name="Beta2">Adam's beta2 in (0, 1) (default 0.999).</param>
/// <param name="Eps">Adam's epsilon, &gt; 0 (default 1e-8).</param>
/// <param name="WeightDecay">Weight decay, &gt;= 0 (default 0; decoupled for AdamW).</param>
public sealed record OptimizerSettings(
    string Name, double Momentum = 0, double Beta1 = 0.9, double Beta2 = 0.999, double Eps = 1e-8, double WeightDecay = 0)
{
    /// <summary>The optimizer names a grid may use.</summary>
    public static readonly IReadOnlyList<string> Names = ["sgd", "adam", "adamw", "radam"];

    /// <summary>Whether the optimizer is of the Adam family (uses the betas).</summary>
    public bool IsAdam => Name != "sgd";

    /// <summary>The settings that matter for <see cref="Name"/>, as JSON-ready pairs (recorded in <c>config.json</c>).</summary>
    public IReadOnlyDictionary<string, object> Describe() => IsAdam
        ? new Dictionary<string, object> { ["name"] = Name, ["beta1"] = Beta1, ["beta2"] = Beta2, ["eps"] = Eps, ["weight_decay"] = WeightDecay }
        : new Dictionary<string, object> { ["name"] = Name, ["momentum"] = Momentum, ["weight_decay"] = WeightDecay };
}
