using Ramp.Schedules.Compat.Hf;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Timm;

/// <summary>The timm schedulers that a Python call can name.</summary>
/// <remarks>
/// <c>noise_std</c> and <c>initialize</c> are accepted and, as in timm, have no effect on the values;
/// <c>noise_type</c> ('normal' or anything else for uniform) is accepted as a keyword although only timm's base
/// class takes it.
/// </remarks>
public static class TimmCatalog
{
    private const string Package = "timm.scheduler";

    private static readonly string[] Noise = ["noise_range_t", "noise_pct", "noise_std", "noise_seed"];

    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        Entry("CosineLRScheduler", "cosine_lr", call =>
        {
            var a = Bind(call, ["t_initial", "lr_min", "cycle_mul", "cycle_decay", "cycle_limit", "warmup_t", "warmup_lr_init",
                "warmup_prefix", "t_in_epochs", .. Noise, "k_decay", "initialize"]);
            return ArgumentErrors.Guard(a, () => new TimmCosine(a.Int("t_initial"), a.Double("lr_min", 0), a.Double("cycle_mul", 1),
                a.Double("cycle_decay", 1), a.Int("cycle_limit", 1), a.Int("warmup_t", 0), a.Double("warmup_lr_init", 0),
                a.Bool("warmup_prefix", false), a.Bool("t_in_epochs", true), NoiseOf(a), a.Double("k_decay", 1.0)));
        }),
        Entry("TanhLRScheduler", "tanh_lr", call =>
        {
            var a = Bind(call, ["t_initial", "lb", "ub", "lr_min", "cycle_mul", "cycle_decay", "cycle_limit", "warmup_t",
                "warmup_lr_init", "warmup_prefix", "t_in_epochs", .. Noise, "initialize"]);
            return ArgumentErrors.Guard(a, () => new TimmTanh(a.Int("t_initial"), a.Double("lb", -7.0), a.Double("ub", 3.0),
                a.Double("lr_min", 0), a.Double("cycle_mul", 1), a.Double("cycle_decay", 1), a.Int("cycle_limit", 1),
                a.Int("warmup_t", 0), a.Double("warmup_lr_init", 0), a.Bool("warmup_prefix", false), a.Bool("t_in_epochs", true),
                NoiseOf(a)));
        }),
        Entry("StepLRScheduler", "step_lr", call =>
        {
            var a = Bind(call, ["decay_t", "decay_rate", "warmup_t", "warmup_lr_init", "warmup_prefix", "t_in_epochs", .. Noise, "initialize"]);
            return ArgumentErrors.Guard(a, () => new TimmStep(a.Double("decay_t"), a.Double("decay_rate", 1.0), a.Int("warmup_t", 0),
                a.Double("warmup_lr_init", 0), a.Bool("warmup_prefix", true), a.Bool("t_in_epochs", true), NoiseOf(a)));
        }),
        Entry("MultiStepLRScheduler", "multistep_lr", call =>
        {
            var a = Bind(call, ["decay_t", "decay_rate", "warmup_t", "warmup_lr_init", "warmup_prefix", "t_in_epochs", .. Noise, "initialize"]);
            return ArgumentErrors.Guard(a, () => new TimmMultiStep(a.IntList("decay_t"), a.Double("decay_rate", 1.0), a.Int("warmup_t", 0),
                a.Double("warmup_lr_init", 0), a.Bool("warmup_prefix", true), a.Bool("t_in_epochs", true), NoiseOf(a)));
        }),
        Entry("PolyLRScheduler", "poly_lr", call =>
        {
            var a = Bind(call, ["t_initial", "power", "lr_min", "cycle_mul", "cycle_decay", "cycle_limit", "warmup_t", "warmup_lr_init",
                "warmup_prefix", "t_in_epochs", .. Noise, "k_decay", "initialize"]);
            return ArgumentErrors.Guard(a, () => new TimmPoly(a.Int("t_initial"), a.Double("power", 0.5), a.Double("lr_min", 0),
                a.Double("cycle_mul", 1), a.Double("cycle_decay", 1), a.Int("cycle_limit", 1), a.Int("warmup_t", 0),
                a.Double("warmup_lr_init", 0), a.Bool("warmup_prefix", false), a.Bool("t_in_epochs", true), NoiseOf(a),
                a.Double("k_decay", 1.0)));
        }),
    ];

    private static PeerEntry Entry(string name, string file, Func<PyCall, ScheduleSpec> build) =>
        new("timm", name, [Package, $"{Package}.{file}"], build);

    private static PyArgs Bind(PyCall call, string[] parameters)
    {
        var a = PyArgs.Bind(call, [.. parameters, "noise_type"]);
        a.Bool("initialize", true);
        return a;
    }

    private static TimmNoise? NoiseOf(PyArgs a)
    {
        a.DoubleOrNone("noise_std", 1.0);
        var type = a.Str("noise_type", "normal") == "normal" ? TimmNoiseType.Normal : TimmNoiseType.Uniform;
        if (a.Raw("noise_range_t") is null or PyNone) return null;
        var range = a.DoubleOrList("noise_range_t");
        if (range.Length is not (1 or 2))
        {
            throw a.Error("noise_range_t", $"noise_range_t must be one step or a pair [start, end) but has {range.Length} values");
        }
        return new TimmNoise(range, a.Double("noise_pct", 0.67), type, a.IntOrNone("noise_seed", 42) ?? 42);
    }
}
