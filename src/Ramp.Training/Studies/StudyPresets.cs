using Ramp.Schedules;
using Ramp.Training.Models;

namespace Ramp.Training.Studies;

/// <summary>
/// The three case studies of docs/CASE_STUDIES.md (designs: the stability notes' section 5, adjusted after the
/// pilots), each with a <c>smoke</c> grid (minutes on 2 cores, shipped data), a <c>full</c> grid, and for
/// <c>fmnist-sgd</c> and <c>deep-mlp</c> a tiny <c>readme</c> grid; and each a <see cref="ReplaceWarmup"/> grid.
/// </summary>
public static class StudyPresets
{
    /// <summary>The preset names.</summary>
    public static readonly IReadOnlyList<string> Names = ["fmnist-sgd", "deep-mlp", "char-transformer"];

    /// <summary>The grid sizes.</summary>
    public static readonly IReadOnlyList<string> Sizes = ["smoke", "full", "readme", ReplaceWarmup];

    /// <summary>
    /// The grid size that asks "what can replace warmup?": the smoke grids with Schedule-Free, GI-Adam, StableAdamW and
    /// Prodigy arms, three seeds (char-transformer: Post-LN only).
    /// </summary>
    public const string ReplaceWarmup = "replace-warmup";

    /// <summary>The grids of preset <paramref name="name"/> at size <paramref name="size"/>.</summary>
    /// <exception cref="ArgumentException">Unknown preset or size, or <c>readme</c> for char-transformer.</exception>
    public static IReadOnlyList<StudyGrid> Get(string name, string size)
    {
        if (!Sizes.Contains(size)) throw RampArgumentException.For($"unknown grid '{size}' (use {string.Join(", ", Sizes)})", nameof(size));
        return name switch
        {
            "fmnist-sgd" when size == ReplaceWarmup => [ReplacementPresets.FmnistSgd()],
            "deep-mlp" when size == ReplaceWarmup => ReplacementPresets.DeepMlp(),
            "char-transformer" when size == ReplaceWarmup => [ReplacementPresets.CharTransformerPostLn()],
            "fmnist-sgd" => [FmnistSgd(size)],
            "deep-mlp" when size == "readme" => [DeepMlpReadme()],
            "deep-mlp" => DeepMlp(size == "full"),
            "char-transformer" when size != "readme" => CharTransformer(size == "full"),
            "char-transformer" => throw RampArgumentException.For($"the readme grid exists only for fmnist-sgd and deep-mlp", nameof(size)),
            _ => throw RampArgumentException.For($"unknown preset '{name}' (use {string.Join(", ", Names)})", nameof(name)),
        };
    }

    private static StudyGrid FmnistSgd(string size)
    {
        const string cosine = "cosine({rest})";
        var sgd = new OptimizerSettings("sgd", Momentum: 0.9);
        var mlp = new ModelSettings("mlp", Hidden: [256, 256]);
        StudyArm[] arms = [
            StudyArms.NoWarmup(cosine), StudyArms.Linear("epoch/2", cosine), StudyArms.Linear("epoch", cosine),
            StudyArms.Linear("3*epoch", cosine), StudyArms.AutoWarmup(cosine), StudyArms.ZClipSkip(cosine),
        ];
        return size switch
        {
            "full" => new StudyGrid("fmnist-sgd", "fashion-mnist", "default", mlp, sgd, 1024, null, 8, arms,
                [0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4], [1, 2, 3]),
            "smoke" => new StudyGrid("fmnist-sgd", "fashion-mnist", "shipped", mlp, sgd, 256, null, 6, arms,
                [0.1, 0.2, 0.4, 0.8], [1, 2]),
            _ => new StudyGrid("fmnist-sgd", "fashion-mnist", "shipped", mlp, sgd, 256, null, 4,
                [StudyArms.NoWarmup(cosine), StudyArms.Linear("epoch", cosine)], [0.2, 0.8], [1]),
        };
    }

    private static IReadOnlyList<StudyGrid> DeepMlp(bool full)
    {
        const string cosine = "cosine({rest})";
        var grids = new List<StudyGrid>();
        foreach (var optimizer in new[] { "sgd", "adamw" })
        {
            var adam = optimizer == "adamw";
            var settings = adam ? new OptimizerSettings("adamw", Beta2: 0.99) : new OptimizerSettings("sgd", Momentum: 0.9);
            var warmups = full ? new[] { "32", "128", "512" } : ["60"];
            var arms = new List<StudyArm> { StudyArms.NoWarmup(cosine) };
            arms.AddRange(warmups.Select(w => StudyArms.Linear(w, cosine)));
            if (adam) arms.AddRange([StudyArms.Untuned(0.99, cosine), StudyArms.RAdam(cosine)]);
            arms.AddRange([StudyArms.AutoWarmup(cosine), StudyArms.ZClipSkip(cosine)]);
            double[] peaks = (adam, full) switch
            {
                (false, true) => [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28],
                (true, true) => [1e-4, 2e-4, 4e-4, 8e-4, 1.6e-3, 3.2e-3, 6.4e-3, 1.28e-2],
                (false, false) => [0.02, 0.08, 0.32],
                (true, false) => [1e-3, 4e-3, 1.6e-2],
            };
            foreach (var scale in full ? new[] { 1.0, 1.5 } : [1.5])
            {
                var model = new ModelSettings("deep-mlp", Depth: 8, Width: 128, InitScale: Math.Sqrt(2) * scale);
                grids.Add(new StudyGrid($"deep-mlp-{optimizer}-s{scale:0.0}", "fashion-mnist", full ? "default" : "shipped",
                    model, settings,
                    256, full ? 1500 : 300, null, arms, peaks, full ? [1, 2, 3] : [1, 2]));
            }
        }
        return grids;
    }

    /// <summary>
    /// The README's case study: the smoke grid's 8-layer SGD MLP at 1.5x He initialisation, no warmup against the
    /// 60-step warmup and the automatic one, at the two smallest smoke peaks, two seeds (12 runs, seconds each): the
    /// smoke grid's clearest contrast (no warmup fails, warmup trains; docs/CASE_STUDIES.md, section 2).
    /// </summary>
    private static StudyGrid DeepMlpReadme()
    {
        const string cosine = "cosine({rest})";
        var model = new ModelSettings("deep-mlp", Depth: 8, Width: 128, InitScale: Math.Sqrt(2) * 1.5);
        StudyArm[] arms = [StudyArms.NoWarmup(cosine), StudyArms.Linear("60", cosine), StudyArms.AutoWarmup(cosine)];
        return new StudyGrid("deep-mlp-sgd-s1.5", "fashion-mnist", "shipped", model, new OptimizerSettings("sgd", Momentum: 0.9),
            256, 300, null, arms, [0.02, 0.08], [1, 2]);
    }

    private static IReadOnlyList<StudyGrid> CharTransformer(bool full)
    {
        // Warmup-stable-decay: the last 20% decays linearly to 10% of the peak in every arm, so arms differ only in warmup.
        const string wsd = "wsd({rest - steps/5}, {steps/5}, floor=0.1)";
        var adamw = new OptimizerSettings("adamw", Beta2: 0.98, Eps: 1e-9, WeightDecay: 0.01);
        var arms = new List<StudyArm> { StudyArms.NoWarmup(wsd), StudyArms.Linear("25", wsd) };
        if (full) arms.Add(StudyArms.Linear("300", wsd));
        arms.AddRange([StudyArms.Untuned(0.98, wsd), StudyArms.RAdam(wsd), StudyArms.AutoWarmup(wsd), StudyArms.ZClipSkip(wsd)]);
        double[] peaks = full ? [2.5e-4, 5e-4, 1e-3, 2e-3, 4e-3, 8e-3, 1.6e-2] : [2e-3, 8e-3, 3.2e-2];
        return [Grid(preLn: false), Grid(preLn: true)];

        StudyGrid Grid(bool preLn) => new(
            $"char-transformer-{(preLn ? "pre" : "post")}-ln", "text", "shipped",
            new ModelSettings("transformer", Layers: full ? 6 : 2, Dim: 64, Heads: 4, Context: 64, PreLn: preLn),
            adamw, 32, full ? 600 : 200, null, arms, peaks, full ? [1, 2, 3] : [1]);
    }
}
