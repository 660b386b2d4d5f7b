namespace Ramp.Schedules.Text.Python;

/// <summary>A value in a Python call as written in a recipe. <see cref="Position"/> is its offset in the text.</summary>
internal abstract record PyValue(int Position)
{
    /// <summary>A short description of the kind of value, for error messages ("a number", "a list", ...).</summary>
    public abstract string Kind { get; }
}

/// <summary>
/// A number; <paramref name="IsInteger"/> when written without a fraction or exponent (<c>10</c>, <c>1_000</c>, <c>0x10</c>).
/// </summary>
internal sealed record PyNumber(double Value, bool IsInteger, int Position) : PyValue(Position)
{
    /// <inheritdoc />
    public override string Kind => IsInteger ? "an integer" : "a number";
}

/// <summary>A string literal (single, double or triple quoted), already unescaped.</summary>
internal sealed record PyString(string Value, int Position) : PyValue(Position)
{
    /// <inheritdoc />
    public override string Kind => "a string";
}

/// <summary><c>True</c> or <c>False</c>.</summary>
internal sealed record PyBool(bool Value, int Position) : PyValue(Position)
{
    /// <inheritdoc />
    public override string Kind => "a boolean";
}

/// <summary><c>None</c>.</summary>
internal sealed record PyNone(int Position) : PyValue(Position)
{
    /// <inheritdoc />
    public override string Kind => "None";
}

/// <summary>
/// A bare (possibly dotted) name such as <c>optimizer</c> or <c>opt.inner</c>; only meaningful as the ignored optimizer argument.
/// </summary>
internal sealed record PyName(string Name, int Position) : PyValue(Position)
{
    /// <inheritdoc />
    public override string Kind => $"the name '{Name}'";
}

/// <summary>A list <c>[...]</c> or tuple <c>(...)</c>.</summary>
internal sealed record PyList(EquatableArray<PyValue> Items, int Position) : PyValue(Position)
{
    /// <inheritdoc />
    public override string Kind => "a list";
}

/// <summary>A dict <c>{key: value, ...}</c>, entries in the written order.</summary>
internal sealed record PyDict(EquatableArray<PyDictEntry> Entries, int Position) : PyValue(Position)
{
    /// <inheritdoc />
    public override string Kind => "a dict";
}

/// <summary>One <c>key: value</c> entry of a <see cref="PyDict"/>.</summary>
internal sealed record PyDictEntry(PyValue Key, PyValue Value);

/// <summary>A keyword argument <c>name=value</c>; <paramref name="Position"/> is where the name starts.</summary>
internal sealed record PyKeyword(string Name, PyValue Value, int Position);

/// <summary>
/// A call <c>module.Name(arg, ..., key=value, ...)</c>. <paramref name="Name"/> is the full dotted name as written;
/// <paramref name="NamePosition"/> is where its last segment starts in the text (null: at <paramref name="Position"/>).
/// </summary>
internal sealed record PyCall(
    string Name, EquatableArray<PyValue> Args, EquatableArray<PyKeyword> Keywords, int Position, int? NamePosition = null)
    : PyValue(Position)
{
    /// <inheritdoc />
    public override string Kind => $"a call of {Name}";

    /// <summary>The last segment of <see cref="Name"/> (<c>StepLR</c> for <c>torch.optim.lr_scheduler.StepLR</c>).</summary>
    public string ShortName => Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>Everything before the last segment, or an empty string.</summary>
    public string Module => Name.LastIndexOf('.') is var i and >= 0 ? Name[..i] : "";
}
