using Ramp.Training.Models;
using Ramp.Training.Studies;

namespace Ramp.Training.Tuning.Validation;

/// <summary>
/// One combination of the find-lr table (docs/find-lr.md): a model, an optimizer, a batch, a run length and the
/// decay template of a case-study preset, and the peaks of the fixed sweep the recommendation is measured against.
/// </summary>
/// <param name="Name">Row name, e.g. <c>mlp-sgd</c>.</param>
/// <param name="Data"><c>fashion-mnist</c> or <c>text</c> (the shipped data).</param>
/// <param name="Model">The model.</param>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Batch">Examples per step.</param>
/// <param name="Steps">Length of every run (the recommended one and each sweep run).</param>
/// <param name="Decay">The preset's decay template, <c>rest</c> standing for the steps after the warmup (<see
/// cref="StudyArms.After"/>).</param>
/// <param name="Sweep">The sweep's peaks, a factor 2 apart, ascending.</param>
public sealed record FindLrCase(string Name, string Data, ModelSettings Model, OptimizerSettings Optimizer, int Batch, long Steps,
    string Decay, IReadOnlyList<double> Sweep)
{
    /// <summary>The warmup every sweep run uses: a tenth of the run, a common fixed recipe.</summary>
    public long SweepWarmup => Steps / 10;

    /// <summary>The schedule text of a run with a linear warmup of <paramref name="warmup"/> steps, then the preset's decay.</summary>
    public string Schedule(long warmup, long epoch) => ScheduleTemplate.Expand(
        warmup > 0 ? StudyArm(warmup) : StudyArms.After(Decay, "0"), Steps, epoch);

    private string StudyArm(long warmup) => StudyArms.Linear(warmup.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Decay).Schedule;

    /// <summary>Peaks 2^k times <paramref name="from"/>, k = 0..<paramref name="count"/>-1.</summary>
    public static double[] Doubling(double from, int count) => Enumerable.Range(0, count).Select(k => from * Math.Pow(2, k)).ToArray();

    /// <summary>
    /// The six combinations of the table, from the smoke presets (docs/CASE_STUDIES.md): the fmnist-sgd MLP with plain
    /// SGD and with momentum 0.9, the small CNN with Adam, the 8-layer MLP at 1.5x He with SGD + momentum and with
    /// AdamW, and the 2-layer Post-LN character transformer with AdamW. The plain-SGD sweeps start an octave lower than
    /// they did on raw pixels: normalised inputs (mean 0, std 1 instead of about 0.29 and 0.35) move the best peaks down.
    /// </summary>
    public static IReadOnlyList<FindLrCase> Table { get; } =
    [
        Image("mlp-sgd", new ModelSettings("mlp", Hidden: [256, 256]), new OptimizerSettings("sgd"), 256, 186, Doubling(0.05, 6)),
        Image("mlp-sgd-m0.9", new ModelSettings("mlp", Hidden: [256, 256]), new OptimizerSettings("sgd", Momentum: 0.9), 256, 186,
            Doubling(0.025, 5)),
        Image("cnn-adam", new ModelSettings("cnn"), new OptimizerSettings("adam"), 64, 200, Doubling(5e-4, 7)),
        Image("deep-mlp-s1.5-sgd-m0.9", DeepMlp(), new OptimizerSettings("sgd", Momentum: 0.9), 256, 300, Doubling(0.0025, 6)),
        Image("deep-mlp-s1.5-adamw", DeepMlp(), new OptimizerSettings("adamw", Beta2: 0.99), 256, 300, Doubling(2.5e-4, 7)),
        new("transformer-post-ln-adamw", "text", new ModelSettings("transformer", Layers: 2, Dim: 64, Heads: 4, Context: 64, PreLn: false),
            new OptimizerSettings("adamw", Beta2: 0.98, Eps: 1e-9, WeightDecay: 0.01), 32, 200,
            "wsd({rest - steps/5}, {steps/5}, floor=0.1)", Doubling(1e-3, 6)),
    ];

    private static ModelSettings DeepMlp() => new("deep-mlp", Depth: 8, Width: 128, InitScale: Math.Sqrt(2) * 1.5);

    private static FindLrCase Image(string name, ModelSettings model, OptimizerSettings optimizer, int batch, long steps, double[] sweep) =>
        new(name, "fashion-mnist", model, optimizer, batch, steps, "cosine({rest})", sweep);
}
