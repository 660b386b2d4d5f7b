using Ramp.Schedules.Text.Python;
using Ramp.Schedules.Text;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// transformers <c>get_scheduler(name, optimizer, num_warmup_steps=None, num_training_steps=None,
/// scheduler_specific_kwargs=None)</c>: dispatches a SchedulerType name to the helper it names, with the same
/// argument rules (constant ignores everything; reduce_lr_on_plateau takes only the kwargs; the rest need
/// num_warmup_steps; all but constant_with_warmup, inverse_sqrt and warmup_stable_decay need num_training_steps).
/// </summary>
internal static class HfGetScheduler
{
    private static readonly (string Type, string Enum, string? Function)[] Types =
    [
        ("linear", "LINEAR", "get_linear_schedule_with_warmup"),
        ("cosine", "COSINE", "get_cosine_schedule_with_warmup"),
        ("cosine_with_restarts", "COSINE_WITH_RESTARTS", "get_cosine_with_hard_restarts_schedule_with_warmup"),
        ("polynomial", "POLYNOMIAL", "get_polynomial_decay_schedule_with_warmup"),
        ("constant", "CONSTANT", "get_constant_schedule"),
        ("constant_with_warmup", "CONSTANT_WITH_WARMUP", "get_constant_schedule_with_warmup"),
        ("inverse_sqrt", "INVERSE_SQRT", "get_inverse_sqrt_schedule"),
        ("reduce_lr_on_plateau", "REDUCE_ON_PLATEAU", null),
        ("cosine_with_min_lr", "COSINE_WITH_MIN_LR", "get_cosine_with_min_lr_schedule_with_warmup"),
        ("cosine_warmup_with_min_lr", "COSINE_WARMUP_WITH_MIN_LR", "get_cosine_with_min_lr_schedule_with_warmup_lr_rate"),
        ("warmup_stable_decay", "WARMUP_STABLE_DECAY", "get_wsd_schedule"),
    ];

    /// <summary>Builds the spec a <c>get_scheduler</c> call denotes.</summary>
    public static ScheduleSpec Build(PyCall call)
    {
        // get_scheduler(SchedulerType.LINEAR, optimizer, ...): the enum member is a bare name, which PyArgs would
        // take for the optimizer; read it as the string it stands for.
        if (call.Args.Count > 0 && call.Args[0] is PyName { Name: var enumName } first && enumName.Contains("SchedulerType.",
            StringComparison.Ordinal))
        {
            var member = enumName[(enumName.LastIndexOf('.') + 1)..];
            var type = Types.FirstOrDefault(t => t.Enum == member).Type
                ?? throw new SpecException(first.Position, $"get_scheduler: unknown SchedulerType member '{member}'",
                    NearestNames.Find(member, Types.Select(t => t.Enum).ToArray()));
            call = call with { Args = call.Args.Select((v, i) => i == 0 ? new PyString(type, first.Position) : v).ToArray() };
        }
        var a = PyArgs.Bind(call, "name", "optimizer", "num_warmup_steps", "num_training_steps", "scheduler_specific_kwargs");
        var name = a.Str("name", null, Types.Select(t => t.Type).ToArray());
        if (name == "constant") return new HfConstant();
        var kwargs = Kwargs(a);
        if (name == "reduce_lr_on_plateau") return Plateau(call, kwargs);
        if (a.Raw("num_warmup_steps") is null or PyNone)
        {
            throw a.Error("num_warmup_steps", $"{name} requires `num_warmup_steps`, please provide that argument");
        }
        var total = a.IntOrNone("num_training_steps");
        var needsTotal = name is not ("constant_with_warmup" or "inverse_sqrt" or "warmup_stable_decay");
        if (needsTotal && total is null)
        {
            throw a.Error("num_training_steps", $"{name} requires `num_training_steps`, please provide that argument");
        }
        var warmupPosition = a.Raw("num_warmup_steps")!.Position;
        var keywords = new List<PyKeyword>
        {
            new("num_warmup_steps", new PyNumber((long)new HfWarmupSteps().Read(a, "num_warmup_steps", null)!, true, warmupPosition),
                warmupPosition),
        };
        if (name == "constant_with_warmup") return Call(call, name, keywords);
        if (name != "inverse_sqrt")
        {
            var raw = a.Raw("num_training_steps") ?? new PyNone(call.Position);
            keywords.Add(new PyKeyword("num_training_steps", raw, raw.Position));
        }
        keywords.AddRange(kwargs);
        return Call(call, name, keywords);
    }

    /// <summary>A reduce-on-plateau rule: the entry named <c>ReduceLROnPlateau</c> built from the keywords.</summary>
    public static ScheduleSpec Plateau(PyCall call, IEnumerable<PyKeyword> keywords)
    {
        var entry = PeerCatalog.All.FirstOrDefault(e => e.Name == "ReduceLROnPlateau")
            ?? throw new SpecException(call.Position, "reduce_lr_on_plateau needs the ReduceLROnPlateau rule, which is not available");
        var module = entry.Modules.Count > 0 ? entry.Modules[0] + "." : "";
        return entry.Build(new PyCall(module + entry.Name, Array.Empty<PyValue>(), keywords.ToArray(), call.Position));
    }

    private static ScheduleSpec Call(PyCall call, string type, IEnumerable<PyKeyword> keywords)
    {
        var function = Types.First(t => t.Type == type).Function!;
        var entry = PeerCatalog.All.First(e => e.Peer == "hf" && e.Name == function);
        return entry.Build(new PyCall("transformers." + function, Array.Empty<PyValue>(), keywords.ToArray(), call.Position));
    }

    private static List<PyKeyword> Kwargs(PyArgs a)
    {
        if (a.Raw("scheduler_specific_kwargs") is null or PyNone) return [];
        return a.Dict("scheduler_specific_kwargs").Entries.Select(entry => entry.Key is PyString key
            ? new PyKeyword(key.Value, entry.Value, key.Position)
            : throw new SpecException(entry.Key.Position,
                $"get_scheduler: scheduler_specific_kwargs keys must be strings but got {entry.Key.Kind}"))
            .ToList();
    }
}
