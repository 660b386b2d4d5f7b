using Ramp.Training.Optimizers;

namespace Ramp.Training.Studies;

/// <summary>
/// The optimizer of a comparison grid or of one arm (an arm may swap the name, e.g. for RAdam or Schedule-Free
/// AdamW, and turn on GI-Adam, keeping the rest).
/// </summary>
/// <param name="Name">One of <see cref="Names"/> (<see cref="OptimizerFactory.Names"/>).</param>
/// <param name="Momentum">
/// Momentum in [0, 1) for sgd and rmsprop, schedule-free-sgd's interpolation (0: its default 0.9); default 0.
/// </param>
/// <param name="Beta1">Adam's beta1 in [0, 1) (default 0.9); schedule-free-adamw's interpolation.</param>
/// <param name="Beta2">Adam's beta2 in (0, 1) (default 0.999).</param>
/// <param name="Eps">Adam's epsilon, &gt; 0 (default 1e-8).</param>
/// <param name="WeightDecay">Weight decay, &gt;= 0 (default 0; decoupled for AdamW, see <see cref="OptimizerFactory.Create"/>).</param>
/// <param name="GradientInit">GI-Adam: adam's or adamw's second moment starts from the first gradient's square (default false).</param>
public sealed record OptimizerSettings(
    string Name, double Momentum = 0, double Beta1 = 0.9, double Beta2 = 0.999, double Eps = 1e-8, double WeightDecay = 0,
    bool GradientInit = false)
{
    /// <summary>The optimizer names a grid or an arm may use: every name <see cref="OptimizerFactory.Create"/> builds.</summary>
    public static IReadOnlyList<string> Names => OptimizerFactory.Names;

    /// <summary>Whether the optimizer takes momentum rather than betas: sgd, schedule-free-sgd and rmsprop.</summary>
    public bool TakesMomentum => Name is "sgd" or "schedule-free-sgd" or "rmsprop";

    /// <summary>Whether the optimizer is of the Adam family (uses the betas): every name but those that take momentum.</summary>
    public bool IsAdam => !TakesMomentum;

    /// <summary>
    /// The settings that matter for <see cref="Name"/>, as JSON-ready pairs (recorded in <c>config.json</c>), as
    /// <see cref="OptimizerFactory.Settings"/> writes them.
    /// </summary>
    public IReadOnlyDictionary<string, object> Describe() =>
        OptimizerFactory.Settings(Name, Momentum, Beta1, Beta2, Eps, WeightDecay, GradientInit);
}
