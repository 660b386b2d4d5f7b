using Ramp.Training.Models;

namespace Ramp.Training.Studies;

/// <summary>
/// The <c>replace-warmup</c> grids (docs/CASE_STUDIES.md, "What can replace warmup?"): the smoke grids' models,
/// data and lengths, three seeds, the peaks where warmup mattered, and beside no warmup, a fixed warmup and
/// <c>auto</c> the arms of <see cref="ReplacementArms"/>: Schedule-Free with and without warmup on every grid, and
/// on the Adam grids GI-Adam, StableAdamW and Prodigy.
/// </summary>
internal static class ReplacementPresets
{
    private static readonly int[] Seeds = [1, 2, 3];

    /// <summary>fmnist-sgd: the smoke grid's MLP and SGD at peaks 0.2, 0.4, 0.8 (one-epoch warmup).</summary>
    public static StudyGrid FmnistSgd()
    {
        const string cosine = "cosine({rest})";
        var sgd = new OptimizerSettings("sgd", Momentum: 0.9);
        return new StudyGrid("fmnist-sgd", "fashion-mnist", "shipped", new ModelSettings("mlp", Hidden: [256, 256]), sgd, 256, null, 6,
            Arms(sgd, cosine, "epoch", [0.2, 0.4, 0.8]), [0.2, 0.4, 0.8], Seeds);
    }

    /// <summary>deep-mlp at 1.5x He: the SGD sub-grid at 0.005-0.08, the AdamW one at 0.004-0.064 (60-step warmup).</summary>
    public static IReadOnlyList<StudyGrid> DeepMlp()
    {
        const string cosine = "cosine({rest})";
        var model = new ModelSettings("deep-mlp", Depth: 8, Width: 128, InitScale: Math.Sqrt(2) * 1.5);
        var sgd = new OptimizerSettings("sgd", Momentum: 0.9);
        var adamw = new OptimizerSettings("adamw", Beta2: 0.99);
        double[] sgdPeaks = [0.005, 0.02, 0.08];
        double[] adamPeaks = [0.004, 0.016, 0.064];
        return
        [
            new StudyGrid("deep-mlp-sgd-s1.5", "fashion-mnist", "shipped", model, sgd, 256, 300, null,
                Arms(sgd, cosine, "60", sgdPeaks), sgdPeaks, Seeds),
            new StudyGrid("deep-mlp-adamw-s1.5", "fashion-mnist", "shipped", model, adamw, 256, 300, null,
                Arms(adamw, cosine, "60", adamPeaks), adamPeaks, Seeds),
        ];
    }

    /// <summary>
    /// char-transformer, Post-LN only (where warmup mattered): peaks 0.008 and 0.032, 25-step warmup, warmup-stable-decay.
    /// </summary>
    public static StudyGrid CharTransformerPostLn()
    {
        const string wsd = "wsd({rest - steps/5}, {steps/5}, floor=0.1)";
        var adamw = new OptimizerSettings("adamw", Beta2: 0.98, Eps: 1e-9, WeightDecay: 0.01);
        double[] peaks = [0.008, 0.032];
        return new StudyGrid("char-transformer-post-ln", "text", "shipped",
            new ModelSettings("transformer", Layers: 2, Dim: 64, Heads: 4, Context: 64, PreLn: false),
            adamw, 32, 200, null, Arms(adamw, wsd, "25", peaks), peaks, Seeds);
    }

    private static List<StudyArm> Arms(OptimizerSettings grid, string decay, string warmup, double[] peaks)
    {
        var arms = new List<StudyArm>
        {
            StudyArms.NoWarmup(decay), StudyArms.Linear(warmup, decay), StudyArms.AutoWarmup(decay),
            ReplacementArms.ScheduleFree(grid), ReplacementArms.ScheduleFreeWarmup(grid, warmup),
        };
        if (grid.IsAdam)
            arms.AddRange([ReplacementArms.GiAdam(decay), ReplacementArms.StableAdamW(decay), ReplacementArms.Prodigy(decay, peaks.Min())]);
        return arms;
    }
}
