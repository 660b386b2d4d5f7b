using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>The hf schedulers that a Python call can name.</summary>
/// <remarks>
/// Besides the integer step counts transformers takes, <c>num_warmup_steps</c> may be a float ratio in [0, 1)
/// wherever <c>num_training_steps</c> is known (transformers 5's <c>warmup_steps</c> ratio): W = ceil(ratio·T).
/// </remarks>
public static class HfCatalog
{
    internal static readonly string[] Modules = ["transformers", "transformers.optimization"];

    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        Entry("get_constant_schedule", call =>
        {
            PyArgs.Bind(call);
            return new HfConstant();
        }),
        Entry("get_constant_schedule_with_warmup", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps");
            return ArgumentErrors.Guard(a, () => new HfConstantWithWarmup(Warmup(a, null)));
        }),
        Entry("get_linear_schedule_with_warmup", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps", "num_training_steps");
            var total = a.Int("num_training_steps");
            return ArgumentErrors.Guard(a, () => new HfLinearWithWarmup(Warmup(a, total), total));
        }),
        Entry("get_cosine_schedule_with_warmup", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps", "num_training_steps", "num_cycles");
            var total = a.Int("num_training_steps");
            return ArgumentErrors.Guard(a, () => new HfCosineWithWarmup(Warmup(a, total), total, a.Double("num_cycles", 0.5)));
        }),
        Entry("get_cosine_with_hard_restarts_schedule_with_warmup", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps", "num_training_steps", "num_cycles");
            var total = a.Int("num_training_steps");
            return ArgumentErrors.Guard(a, () => new HfCosineWithHardRestarts(Warmup(a, total), total, a.Double("num_cycles", 1)));
        }),
        Entry("get_polynomial_decay_schedule_with_warmup", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps", "num_training_steps", "lr_end", "power");
            var total = a.Int("num_training_steps");
            return ArgumentErrors.Guard(a, () => new HfPolynomialDecay(Warmup(a, total), total, a.Double("lr_end", 1e-7), a.Double("power", 1.0)));
        }),
        Entry("get_inverse_sqrt_schedule", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps", "timescale");
            return ArgumentErrors.Guard(a, () => new HfInverseSqrt(Warmup(a, null), a.IntOrNone("timescale")));
        }),
        Entry("get_cosine_with_min_lr_schedule_with_warmup", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps", "num_training_steps", "num_cycles", "last_epoch", "min_lr", "min_lr_rate");
            var total = a.Int("num_training_steps");
            return ArgumentErrors.Guard(a, () => new HfCosineWithMinLr(
                Warmup(a, total), total, a.Double("num_cycles", 0.5), a.DoubleOrNone("min_lr"), a.DoubleOrNone("min_lr_rate")));
        }),
        Entry("get_cosine_with_min_lr_schedule_with_warmup_lr_rate", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps", "num_training_steps", "num_cycles", "last_epoch", "min_lr", "min_lr_rate",
                "warmup_lr_rate");
            var total = a.Int("num_training_steps");
            return ArgumentErrors.Guard(a, () => new HfCosineWarmupWithMinLr(Warmup(a, total), total, a.Double("num_cycles", 0.5),
                a.DoubleOrNone("min_lr"), a.DoubleOrNone("min_lr_rate"), a.DoubleOrNone("warmup_lr_rate")));
        }),
        Entry("get_wsd_schedule", call =>
        {
            var a = PyArgs.Bind(call, "num_warmup_steps", "num_decay_steps", "num_training_steps", "num_stable_steps",
                "warmup_type", "decay_type", "min_lr_ratio", "num_cycles");
            var total = a.IntOrNone("num_training_steps");
            return ArgumentErrors.Guard(a, () => new HfWarmupStableDecay(
                Warmup(a, total), a.Int("num_decay_steps"), total, a.IntOrNone("num_stable_steps"),
                Shape(a, "warmup_type", "linear"), Shape(a, "decay_type", "cosine"), a.Double("min_lr_ratio", 0),
                a.Double("num_cycles", 0.5)));
        }),
        Entry("get_reduce_on_plateau_schedule", call => HfGetScheduler.Plateau(call, call.Keywords)),
        Entry("get_scheduler", HfGetScheduler.Build),
    ];

    private static PeerEntry Entry(string name, Func<PyCall, ScheduleSpec> build) => new("hf", name, Modules, build);

    /// <summary>W from <c>num_warmup_steps</c>: an integer, or a ratio in [0, 1) of <paramref name="total"/>.</summary>
    internal static long Warmup(PyArgs a, long? total)
    {
        if (a.Raw("num_warmup_steps") is PyNumber { IsInteger: false, Value: >= 0 and < 1 } ratio)
        {
            if (total is null)
            {
                throw a.Error("num_warmup_steps",
                    $"num_warmup_steps={ratio.Value} is a warmup ratio, which needs num_training_steps; give a number of steps");
            }
            return (long)Math.Ceiling(ratio.Value * total.Value);
        }
        return a.Int("num_warmup_steps");
    }

    private static HfWsdShape Shape(PyArgs a, string name, string fallback) =>
        a.Str(name, fallback, "linear", "cosine", "1-sqrt") switch
        {
            "linear" => HfWsdShape.Linear,
            "cosine" => HfWsdShape.Cosine,
            _ => HfWsdShape.OneMinusSqrt,
        };
}
