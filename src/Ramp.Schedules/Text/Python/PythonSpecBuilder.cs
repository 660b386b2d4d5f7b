namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Turns a parsed Python value into a <see cref="ScheduleSpec"/>: a scheduler call is resolved through
/// <see cref="PeerCatalog"/>; a DeepSpeed config dict <c>{"type": "WarmupLR", "params": {...}}</c> (or the
/// whole <c>{"scheduler": {...}}</c> section) becomes the call <c>deepspeed.runtime.lr_schedules.WarmupLR(**params)</c>.
/// </summary>
internal static class PythonSpecBuilder
{
    /// <summary>The module DeepSpeed's config-file schedulers live in.</summary>
    public const string DeepSpeedModule = "deepspeed.runtime.lr_schedules";

    private static readonly string[] SchedulerKeys = ["type", "params"];

    /// <summary>Builds the spec a parsed Python value denotes.</summary>
    /// <exception cref="SpecException">Not a scheduler call or config, an unknown name, or bad arguments.</exception>
    public static ScheduleSpec Build(PyValue value) => value switch
    {
        PyCall call => PeerCatalog.Resolve(call).Build(call),
        PyDict dict => PeerCatalog.Resolve(DeepSpeedCall(dict)).Build(DeepSpeedCall(dict)),
        _ => throw new SpecException(value.Position, $"expected a scheduler call but found {value.Kind}"),
    };

    /// <summary>The call a DeepSpeed scheduler config denotes.</summary>
    /// <exception cref="SpecException">The dict is not a scheduler config.</exception>
    public static PyCall DeepSpeedCall(PyDict dict)
    {
        var entries = Entries(dict);
        if (!entries.ContainsKey("type") && entries.TryGetValue("scheduler", out var section))
        {
            return section.Value is PyDict inner
                ? DeepSpeedCall(inner)
                : throw new SpecException(section.Value.Position,
                    $"expected the scheduler section to be a dict but found {section.Value.Kind}");
        }
        foreach (var (key, entry) in entries)
        {
            if (!SchedulerKeys.Contains(key))
            {
                throw new SpecException(entry.Key.Position,
                    $"a DeepSpeed scheduler config has no key '{key}'; it takes 'type' and 'params'",
                    NearestNames.Find(key, SchedulerKeys));
            }
        }
        if (!entries.TryGetValue("type", out var type))
        {
            throw new SpecException(dict.Position,
                "a DeepSpeed scheduler config needs a \"type\" key (e.g. {\"type\": \"WarmupLR\", \"params\": {...}})");
        }
        if (type.Value is not PyString name || !IsIdentifier(name.Value))
        {
            throw new SpecException(type.Value.Position,
                $"expected the scheduler type to be a name in a string but found {type.Value.Kind}");
        }
        var keywords = new List<PyKeyword>();
        if (entries.TryGetValue("params", out var parameters) && parameters.Value is not PyNone)
        {
            if (parameters.Value is not PyDict paramDict)
            {
                throw new SpecException(parameters.Value.Position, $"expected \"params\" to be a dict but found {parameters.Value.Kind}");
            }
            foreach (var (key, entry) in Entries(paramDict)) keywords.Add(new PyKeyword(key, entry.Value, entry.Key.Position));
        }
        return new PyCall(DeepSpeedModule + "." + name.Value, Array.Empty<PyValue>(), keywords.ToArray(), type.Value.Position,
            type.Value.Position + 1);
    }

    private static Dictionary<string, PyDictEntry> Entries(PyDict dict)
    {
        var entries = new Dictionary<string, PyDictEntry>(StringComparer.Ordinal);
        foreach (var entry in dict.Entries)
        {
            if (entry.Key is not PyString key)
            {
                throw new SpecException(entry.Key.Position, $"expected a string key but found {entry.Key.Kind}");
            }
            if (!entries.TryAdd(key.Value, entry))
            {
                throw new SpecException(entry.Key.Position, $"the key '{key.Value}' appears twice");
            }
        }
        return entries;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
