using Ramp.Schedules.Compat.Hf;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.DeepSpeed;

/// <summary>The DeepSpeed schedulers that a Python call (or a <c>{"type": ..., "params": {...}}</c> config) can name.</summary>
/// <remarks>
/// An unknown <c>warmup_type</c> is an error here; DeepSpeed logs a warning and falls back to 'log'.
/// <c>last_batch_iteration</c> other than −1 is refused: evaluate the schedule at any step instead.
/// </remarks>
public static class DeepSpeedCatalog
{
    private static readonly string[] Modules = ["deepspeed.runtime.lr_schedules"];

    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        Entry("LRRangeTest", a => new DeepSpeedLRRangeTest(List(a, "lr_range_test_min_lr"), a.Int("lr_range_test_step_size", 2000),
            a.Double("lr_range_test_step_rate", 1.0), a.Bool("lr_range_test_staircase", false)),
            "lr_range_test_min_lr", "lr_range_test_step_size", "lr_range_test_step_rate", "lr_range_test_staircase"),
        Entry("OneCycle", a => new DeepSpeedOneCycle(a.Double("cycle_min_lr"), a.Double("cycle_max_lr"), a.Double("decay_lr_rate", 0.0),
            a.Int("cycle_first_step_size", 2000), a.IntOrNone("cycle_second_step_size"), a.Int("cycle_first_stair_count", 0),
            a.IntOrNone("cycle_second_stair_count"), a.Int("decay_step_size", 0), a.Bool("cycle_momentum", true),
            a.Double("cycle_min_mom", 0.8), a.Double("cycle_max_mom", 0.9), a.Double("decay_mom_rate", 0.0)),
            "cycle_min_lr", "cycle_max_lr", "decay_lr_rate", "cycle_first_step_size", "cycle_second_step_size", "cycle_first_stair_count",
            "cycle_second_stair_count", "decay_step_size", "cycle_momentum", "cycle_min_mom", "cycle_max_mom", "decay_mom_rate"),
        Entry("WarmupLR", a => new DeepSpeedWarmupLR(List(a, "warmup_min_lr"), List(a, "warmup_max_lr"), a.Int("warmup_num_steps", 1000),
            Type(a)), "warmup_min_lr", "warmup_max_lr", "warmup_num_steps", "warmup_type"),
        Entry("WarmupDecayLR", a => new DeepSpeedWarmupDecayLR(a.Int("total_num_steps"), List(a, "warmup_min_lr"), List(a, "warmup_max_lr"),
            a.Int("warmup_num_steps", 1000), Type(a)), "total_num_steps", "warmup_min_lr", "warmup_max_lr", "warmup_num_steps", "warmup_type"),
        Entry("WarmupCosineLR", a => new DeepSpeedWarmupCosineLR(a.Int("total_num_steps"), a.Double("warmup_min_ratio", 0.0),
            a.Int("warmup_num_steps", 1000), a.Double("cos_min_ratio", 0.0001), Type(a)),
            "total_num_steps", "warmup_min_ratio", "warmup_num_steps", "cos_min_ratio", "warmup_type"),
    ];

    private static PeerEntry Entry(string name, Func<PyArgs, ScheduleSpec> build, params string[] parameters) =>
        new("deepspeed", name, Modules, call =>
        {
            var a = PyArgs.Bind(call, [.. parameters, "last_batch_iteration"]);
            if (a.Int("last_batch_iteration", -1) != -1)
            {
                throw a.Error("last_batch_iteration",
                    "last_batch_iteration other than -1 is not supported: Ramp schedules are closed forms, evaluate them at any step instead");
            }
            return ArgumentErrors.Guard(a, () => build(a));
        });

    private static EquatableArray<double>? List(PyArgs a, string name) =>
        a.Raw(name) is null or PyNone ? null : (EquatableArray<double>?)new EquatableArray<double>(a.DoubleOrList(name));

    private static DeepSpeedWarmupType Type(PyArgs a) =>
        a.Str("warmup_type", "log", "log", "linear") == "log" ? DeepSpeedWarmupType.Log : DeepSpeedWarmupType.Linear;
}
