namespace Ramp.Schedules.Text.Python;

/// <summary>
/// The arguments of one <see cref="PyCall"/> matched against a peer's signature, Python-style: positional
/// arguments fill the parameters in order, keywords by name, defaults fill the rest. A leading optimizer
/// argument (a bare name such as <c>optimizer</c>, or the keyword <c>optimizer=</c>) is ignored. Every mistake
/// is a <see cref="SpecException"/> that points at the argument.
/// </summary>
internal sealed class PyArgs
{
    private readonly PyCall _call;
    private readonly string _callee;
    private readonly Dictionary<string, PyValue> _given = new(StringComparer.Ordinal);

    private PyArgs(PyCall call, string callee)
    {
        _call = call;
        _callee = callee;
    }

    /// <summary>The call being read.</summary>
    public PyCall Call => _call;

    /// <summary>
    /// Matches <paramref name="call"/> against <paramref name="parameters"/> (the peer's parameter names in
    /// positional order, without the optimizer).
    /// </summary>
    /// <exception cref="SpecException">Too many positional arguments, an unknown or repeated keyword.</exception>
    public static PyArgs Bind(PyCall call, params string[] parameters)
    {
        var args = new PyArgs(call, call.ShortName);
        var positional = call.Args.AsSpan();
        if (positional.Length > 0 && positional[0] is PyName) positional = positional[1..];
        if (positional.Length > parameters.Length)
        {
            throw new SpecException(positional[parameters.Length].Position,
                $"{args._callee} takes at most {parameters.Length} positional argument(s) after the optimizer but got {positional.Length}");
        }
        for (var i = 0; i < positional.Length; i++) args._given[parameters[i]] = positional[i];
        foreach (var keyword in call.Keywords)
        {
            if (keyword.Name is "optimizer" or "last_epoch" or "last_batch_iteration" or "verbose" && !parameters.Contains(keyword.Name))
            {
                if (keyword.Name is "last_epoch" or "last_batch_iteration" && keyword.Value is PyNumber { Value: not -1 })
                {
                    throw new SpecException(keyword.Position, $"{keyword.Name} other than -1 is not supported: "
                        + "Ramp schedules are closed forms, evaluate them at any step instead");
                }
                continue;
            }
            if (!parameters.Contains(keyword.Name))
            {
                throw new SpecException(keyword.Position,
                    $"{args._callee} has no parameter '{keyword.Name}'; it takes {string.Join(", ", parameters)}",
                    NearestNames.Find(keyword.Name, parameters));
            }
            if (!args._given.TryAdd(keyword.Name, keyword.Value))
            {
                throw new SpecException(keyword.Position, $"{args._callee} got multiple values for argument '{keyword.Name}'");
            }
        }
        return args;
    }

    /// <summary>Whether the argument was written (positionally or by keyword).</summary>
    public bool Has(string name) => _given.ContainsKey(name);

    /// <summary>The argument as written, or null when absent.</summary>
    public PyValue? Raw(string name) => _given.GetValueOrDefault(name);

    /// <summary>A number; <paramref name="fallback"/> when absent (required when null).</summary>
    public double Double(string name, double? fallback = null) =>
        DoubleOrNone(name, fallback) ?? throw Missing(name);

    /// <summary>A number or None; <paramref name="fallback"/> when absent.</summary>
    public double? DoubleOrNone(string name, double? fallback = null) => Raw(name) switch
    {
        null => fallback,
        PyNone => null,
        PyNumber n => n.Value,
        PyBool b => b.Value ? 1 : 0,
        var v => throw Wrong(name, v, "a number"),
    };

    /// <summary>An integer; <paramref name="fallback"/> when absent (required when null). A float with no fraction is accepted.</summary>
    public long Int(string name, long? fallback = null) => IntOrNone(name, fallback) ?? throw Missing(name);

    /// <summary>An integer or None; <paramref name="fallback"/> when absent.</summary>
    public long? IntOrNone(string name, long? fallback = null) => Raw(name) switch
    {
        null => fallback,
        PyNone => null,
        PyNumber n when n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < 9e15 => (long)n.Value,
        var v => throw Wrong(name, v, "an integer"),
    };

    /// <summary>A boolean; <paramref name="fallback"/> when absent (required when null).</summary>
    public bool Bool(string name, bool? fallback = null) => Raw(name) switch
    {
        null => fallback ?? throw Missing(name),
        PyBool b => b.Value,
        PyNumber { IsInteger: true } n when n.Value is 0 or 1 => n.Value == 1,
        var v => throw Wrong(name, v, "True or False"),
    };

    /// <summary>
    /// A string, one of <paramref name="allowed"/> when given (a misspelling gets suggestions);
    /// <paramref name="fallback"/> when absent (required when null).
    /// </summary>
    public string Str(string name, string? fallback = null, params string[] allowed)
    {
        var value = Raw(name) switch
        {
            null => fallback ?? throw Missing(name),
            PyString s => s.Value,
            var v => throw Wrong(name, v, allowed.Length > 0 ? "one of " + Quoted(allowed) : "a string"),
        };
        if (allowed.Length > 0 && !allowed.Contains(value))
        {
            throw new SpecException(Raw(name)?.Position ?? _call.Position,
                $"{_callee}: {name} must be one of {Quoted(allowed)} but was '{value}'",
                NearestNames.Find(value, allowed));
        }
        return value;
    }

    /// <summary>A string or None; <paramref name="fallback"/> when absent.</summary>
    public string? StrOrNone(string name, string? fallback = null, params string[] allowed) =>
        Raw(name) is PyNone || (Raw(name) is null && fallback is null) ? null : Str(name, fallback, allowed);

    /// <summary>
    /// A number or a list of numbers (one per parameter group, as PyTorch accepts); required when <paramref name="fallback"/> is null.
    /// </summary>
    public double[] DoubleOrList(string name, double? fallback = null) => Raw(name) switch
    {
        null when fallback is not null => [fallback.Value],
        null => throw Missing(name),
        PyNumber n => [n.Value],
        PyList list => list.Items.Select(item => item is PyNumber n
            ? n.Value
            : throw new SpecException(item.Position, $"{_callee}: {name} must hold numbers but holds {item.Kind}")).ToArray(),
        var v => throw Wrong(name, v, "a number or a list of numbers"),
    };

    /// <summary>A list of integers (milestones, boundaries); required when <paramref name="fallback"/> is null.</summary>
    public long[] IntList(string name, long[]? fallback = null) => Raw(name) switch
    {
        null => fallback ?? throw Missing(name),
        PyList list => list.Items.Select(item => item is PyNumber n && n.Value == Math.Floor(n.Value)
            ? (long)n.Value
            : throw new SpecException(item.Position, $"{_callee}: {name} must hold integers but holds {item.Kind}")).ToArray(),
        PyNumber { IsInteger: true } n => [(long)n.Value],
        var v => throw Wrong(name, v, "a list of integers"),
    };

    /// <summary>A list of arbitrary values (nested calls, dicts); required when <paramref name="fallback"/> is null.</summary>
    public IReadOnlyList<PyValue> List(string name, IReadOnlyList<PyValue>? fallback = null) => Raw(name) switch
    {
        null => fallback ?? throw Missing(name),
        PyList list => list.Items.ToArray(),
        var v => throw Wrong(name, v, "a list"),
    };

    /// <summary>A dict; <paramref name="fallback"/> when absent or None (required when null).</summary>
    public PyDict Dict(string name, PyDict? fallback = null) => Raw(name) switch
    {
        null or PyNone => fallback ?? throw Missing(name),
        PyDict d => d,
        var v => throw Wrong(name, v, "a dict"),
    };

    /// <summary>
    /// Turns a validation error of a spec's constructor into a <see cref="SpecException"/> at the argument it names:
    /// <see cref="ArgumentException.ParamName"/> (<c>StepSize</c>) is matched to the peer's name (<c>step_size</c>)
    /// ignoring case and underscores. The message is the one the check wrote (<see cref="ScheduleArgumentException"/>).
    /// </summary>
    public SpecException Invalid(ArgumentException error)
    {
        static string Plain(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        var given = error.ParamName is null ? null : _given.FirstOrDefault(g => Plain(g.Key) == Plain(error.ParamName)).Value;
        return new SpecException(given?.Position ?? _call.Position, error.Message);
    }

    /// <summary>Runs a record's constructor; its validation error becomes a <see cref="SpecException"/> at the argument.</summary>
    public T Construct<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException error)
        {
            throw Invalid(error);
        }
    }

    /// <summary>An error at the argument <paramref name="name"/> (or at the call when absent).</summary>
    public SpecException Error(string name, string problem, IReadOnlyList<string>? suggestions = null) =>
        new(Raw(name)?.Position ?? _call.Position, $"{_callee}: {problem}", suggestions);

    /// <summary>The error for a required argument that was not written.</summary>
    public SpecException Missing(string name) =>
        new(_call.Position, $"{_callee} needs the argument '{name}'");

    private SpecException Wrong(string name, PyValue value, string expected) =>
        new(value.Position, $"{_callee}: {name} must be {expected} but got {value.Kind}");

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
