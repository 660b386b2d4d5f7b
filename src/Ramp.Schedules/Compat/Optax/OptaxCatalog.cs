using Ramp.Schedules.Text.Python;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Compat.Optax;

/// <summary>The optax schedules that a Python call can name.</summary>
internal static class OptaxCatalog
{
    private static readonly string[] Modules = ["optax", "optax.schedules"];

    private static readonly string[] WarmupCosineParameters =
        ["init_value", "peak_value", "warmup_steps", "decay_steps", "end_value", "exponent"];

    /// <summary>
    /// The optax functions that build a composite of other records (or take a dict), in documentation order; every
    /// other schedule is a record declared with its call (<see cref="PeerCallAttribute"/>).
    /// </summary>
    public static IReadOnlyList<PeerEntry> Entries { get; } =
    [
        Entry("linear_schedule", a => OptaxSchedules.Linear(a.Double("init_value"), a.Double("end_value"), a.Int("transition_steps"),
            a.Int("transition_begin", 0)), "init_value", "end_value", "transition_steps", "transition_begin"),
        Entry("piecewise_constant_schedule", a =>
        {
            var (boundaries, scales) = Scales(a);
            return new OptaxPiecewiseConstant(a.Double("init_value"), boundaries, scales);
        }, "init_value", "boundaries_and_scales"),
        Entry("piecewise_interpolate_schedule", a =>
        {
            var type = (OptaxInterpolation)PeerBinder.Value(a, "interpolate_type", typeof(OptaxInterpolation))!;
            var (boundaries, scales) = Scales(a);
            return new OptaxPiecewiseInterpolate(type, a.Double("init_value"), boundaries, scales);
        }, "interpolate_type", "init_value", "boundaries_and_scales"),
        Entry("warmup_constant_schedule", a => OptaxSchedules.WarmupConstant(a.Double("init_value"), a.Double("peak_value"),
            a.Int("warmup_steps")), "init_value", "peak_value", "warmup_steps"),
        Entry("warmup_cosine_decay_schedule", WarmupCosine, WarmupCosineParameters),
        Entry("warmup_exponential_decay_schedule", a => OptaxSchedules.WarmupExponentialDecay(a.Double("init_value"),
            a.Double("peak_value"), a.Int("warmup_steps"), a.Int("transition_steps"), a.Double("decay_rate"), a.Int("transition_begin", 0),
            a.Bool("staircase", false), a.DoubleOrNone("end_value")),
            "init_value", "peak_value", "warmup_steps", "transition_steps", "decay_rate", "transition_begin", "staircase", "end_value"),
        Entry("linear_onecycle_schedule", a => OptaxSchedules.LinearOnecycle(a.Int("transition_steps"), a.Double("peak_value"),
            a.Double("pct_start", 0.3), a.Double("pct_final", 0.85), a.Double("div_factor", 25.0), a.Double("final_div_factor", 1e4)),
            "transition_steps", "peak_value", "pct_start", "pct_final", "div_factor", "final_div_factor"),
        Entry("cosine_onecycle_schedule", a => OptaxSchedules.CosineOnecycle(a.Int("transition_steps"), a.Double("peak_value"),
            a.Double("pct_start", 0.3), a.Double("div_factor", 25.0), a.Double("final_div_factor", 1e4)),
            "transition_steps", "peak_value", "pct_start", "div_factor", "final_div_factor"),
        Entry("sgdr_schedule", a => new OptaxJoin(Cycles(a), CycleBoundaries(a)), "cosine_kwargs"),
    ];

    private static PeerEntry Entry(string name, Func<PyArgs, ScheduleSpec> build, params string[] parameters) =>
        new("optax", name, Modules, call =>
        {
            var a = PyArgs.Bind(call, parameters);
            return a.Construct(() => build(a));
        });

    private static ScheduleSpec WarmupCosine(PyArgs a) => OptaxSchedules.WarmupCosineDecay(a.Double("init_value"), a.Double("peak_value"),
        a.Int("warmup_steps"), a.Int("decay_steps"), a.Double("end_value", 0.0), a.Double("exponent", 1.0));

    // A dict {step: scale}; a repeated key keeps its last value, as a Python dict does.
    private static (long[] Boundaries, double[] Scales) Scales(PyArgs a)
    {
        if (a.Raw("boundaries_and_scales") is null or PyNone) return ([], []);
        var sorted = new SortedDictionary<long, double>();
        foreach (var entry in a.Dict("boundaries_and_scales").Entries)
        {
            if (entry.Key is not PyNumber { Value: var key } || key != Math.Floor(key))
            {
                throw new SpecException(entry.Key.Position, $"boundaries_and_scales keys must be integer steps but got {entry.Key.Kind}");
            }
            sorted[(long)key] = entry.Value is PyNumber scale
                ? scale.Value
                : throw new SpecException(entry.Value.Position, $"boundaries_and_scales values must be numbers but got {entry.Value.Kind}");
        }
        return (sorted.Keys.ToArray(), sorted.Values.ToArray());
    }

    private static OptaxSpec Nested(PyValue value) => PythonSpecBuilder.Build(value) switch
    {
        OptaxSpec spec => spec,
        var other => throw new SpecException(value.Position,
            $"join_schedules: expected an optax schedule but found {other.GetType().Name}"),
    };

    private static IReadOnlyList<PyArgs> CycleArgs(PyArgs a) => a.List("cosine_kwargs").Select(item => item is PyDict dict
        ? PyArgs.Bind(new PyCall("optax.warmup_cosine_decay_schedule", Array.Empty<PyValue>(), dict.Entries.Select(e
            => e.Key is PyString key
            ? new PyKeyword(key.Value, e.Value, key.Position)
            : throw new SpecException(e.Key.Position, $"sgdr_schedule: cosine_kwargs keys must be strings but got {e.Key.Kind}")).ToArray(),
            dict.Position), WarmupCosineParameters)
        : throw new SpecException(item.Position, $"sgdr_schedule: cosine_kwargs must hold dicts but holds {item.Kind}")).ToArray();

    private static OptaxSpec[] Cycles(PyArgs a) =>
        CycleArgs(a).Select(cycle => (OptaxSpec)cycle.Construct(() => WarmupCosine(cycle))).ToArray();

    private static long[] CycleBoundaries(PyArgs a)
    {
        var decays = CycleArgs(a).Select(cycle => cycle.Int("decay_steps")).ToArray();
        var boundaries = new long[Math.Max(0, decays.Length - 1)];
        for (var i = 0; i < boundaries.Length; i++) boundaries[i] = (i == 0 ? 0 : boundaries[i - 1]) + decays[i];
        return boundaries;
    }
}
