using Ramp.Runs;

namespace Ramp.Reports.Tests.Fixtures;

/// <summary>
/// A synthetic comparison: arms no-warmup, warmup-20, warmup-60 over peak LRs 0.1..1.6 and 3 seeds. A run
/// diverges when its peak LR exceeds its arm's limit (0.2, 0.8, 1.6 for the three arms; the boundary cell
/// loses only seed 1), so the expected measures are known by construction.
/// </summary>
internal static class SyntheticGrid
{
    public static readonly string[] Arms = ["no-warmup", "warmup-20", "warmup-60"];
    public static readonly double[] PeakLrs = [0.1, 0.2, 0.4, 0.8, 1.6];
    public const int Steps = 120;

    public static int Warmup(string arm) => arm == "no-warmup" ? 0 : int.Parse(arm["warmup-".Length..]);

    public static double Limit(string arm) => arm switch { "no-warmup" => 0.2, "warmup-20" => 0.8, _ => 1.6 };

    public static bool Diverges(string arm, double lr, int seed) =>
        lr > Limit(arm) * 1.01 && (lr > Limit(arm) * 2.01 || seed == 1 || arm != "warmup-20");

    public static double Lr(string arm, double peak, int t)
    {
        var w = Warmup(arm);
        if (t < w) return peak * (t + 1) / w;
        return peak * 0.5 * (1 + Math.Cos(Math.PI * (t - w) / (Steps - w)));
    }

    public static void Write(string root, string caseStudy = "mlp", bool layers = true)
    {
        foreach (var arm in Arms)
            foreach (var lr in PeakLrs)
                for (var seed = 1; seed <= 3; seed++)
                {
                    var diverges = Diverges(arm, lr, seed);
                    var speed = 8 + 30 / (lr * 10) + Warmup(arm) / 4.0 + seed;
                    var blowAt = 5 + Warmup(arm) + seed * 3;
                    var a = arm; var peak = lr; var s = seed;
                    new RunWriter
                    {
                        Dir = Path.Combine(root, "runs", $"{caseStudy}-{arm}-lr{lr}-s{seed}"),
                        CaseStudy = caseStudy, Arm = arm, PeakLr = lr, Seed = seed, Steps = Steps,
                        Loss = t => diverges
                            ? (t >= blowAt ? double.NaN : 2.3 * Math.Exp((t - 2) / 2.5) / 3 + 2.3)
                            : 2.3 * Math.Exp(-t / speed) + 0.25 + 0.02 * Math.Sin(t + s) + 0.05 / peak * 0.01,
                        Accuracy = t => diverges ? 0.1 : 0.1 + 0.8 * (1 - Math.Exp(-t / speed)) - 0.01 * s,
                        Lr = t => Lr(a, peak, t),
                        Layers = layers && seed == 1
                            ? t => [new("fc1", new LayerStats(1 + 0.1 * t, 0.01, 5)), new("fc2", new LayerStats(3 * Math.Exp(-t / 30.0) * (1 + peak), 0.02, 4))]
                            : null,
                        Events = arm == "warmup-60" && seed == 1 && lr >= 0.8
                            ? [new RunEvent(15, EventKind.Guard, "clip", null, "gradient norm 9.1 clipped to 1", 9.1),
                               new RunEvent(40, EventKind.Guard, "skip", null, "loss spike skipped", 4.2),
                               new RunEvent(41, EventKind.Diagnosis, "explosion", "fc2", "fc2 gradient grew", 50)]
                            : [],
                    }.Write();
                }
    }
}
