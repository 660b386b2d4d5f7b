using Ramp.Schedules.Compat.Hf;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Keras;

/// <summary>The Keras schedules that a Python call can name (the <c>name</c> argument is accepted and ignored).</summary>
public static class KerasCatalog
{
    private static readonly string[] Modules = ["keras.optimizers.schedules", "tf.keras.optimizers.schedules"];

    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        Entry("ExponentialDecay", a => new KerasExponentialDecay(a.Double("initial_learning_rate"), a.Int("decay_steps"),
            a.Double("decay_rate"), a.Bool("staircase", false)), "initial_learning_rate", "decay_steps", "decay_rate", "staircase"),
        Entry("PiecewiseConstantDecay", a => new KerasPiecewiseConstantDecay(a.IntList("boundaries"), a.DoubleOrList("values")),
            "boundaries", "values"),
        Entry("PolynomialDecay", a => new KerasPolynomialDecay(a.Double("initial_learning_rate"), a.Int("decay_steps"),
            a.Double("end_learning_rate", 0.0001), a.Double("power", 1.0), a.Bool("cycle", false)),
            "initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle"),
        Entry("InverseTimeDecay", a => new KerasInverseTimeDecay(a.Double("initial_learning_rate"), a.Int("decay_steps"),
            a.Double("decay_rate"), a.Bool("staircase", false)), "initial_learning_rate", "decay_steps", "decay_rate", "staircase"),
        Entry("CosineDecay", a => new KerasCosineDecay(a.Double("initial_learning_rate"), a.Int("decay_steps"), a.Double("alpha", 0.0),
            a.DoubleOrNone("warmup_target"), a.Int("warmup_steps", 0)),
            "initial_learning_rate", "decay_steps", "alpha", "name", "warmup_target", "warmup_steps"),
        Entry("CosineDecayRestarts", a => new KerasCosineDecayRestarts(a.Double("initial_learning_rate"), a.Int("first_decay_steps"),
            a.Double("t_mul", 2.0), a.Double("m_mul", 1.0), a.Double("alpha", 0.0)),
            "initial_learning_rate", "first_decay_steps", "t_mul", "m_mul", "alpha"),
    ];

    private static PeerEntry Entry(string name, Func<PyArgs, ScheduleSpec> build, params string[] parameters) =>
        new("keras", name, Modules, call =>
        {
            var a = PyArgs.Bind(call, parameters.Contains("name") ? parameters : [.. parameters, "name"]);
            a.StrOrNone("name");
            return ArgumentErrors.Guard(a, () => build(a));
        });
}
