using System.Globalization;

namespace Ramp.Schedules.Text.Python;

/// <summary>
/// The few Python builtins and constants a recipe uses for numbers: <c>float('inf')</c>, <c>float(x)</c>,
/// <c>int(x)</c>, <c>dict(key=value)</c>, <c>math.inf</c>, <c>math.pi</c>, <c>math.e</c> (also under
/// <c>numpy</c>/<c>np</c>/<c>torch</c>).
/// </summary>
internal static class PyBuiltins
{
    private static readonly Dictionary<string, double> Constants = new(StringComparer.Ordinal)
    {
        ["inf"] = double.PositiveInfinity,
        ["pi"] = Math.PI,
        ["e"] = Math.E,
        ["tau"] = Math.Tau,
        ["nan"] = double.NaN,
    };

    private static readonly string[] ConstantModules = ["math", "numpy", "np", "torch"];

    /// <summary>The constant a dotted name denotes (<c>math.inf</c>), or null for any other name.</summary>
    public static PyNumber? Constant(string name, int position)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0 || !ConstantModules.Contains(name[..dot])) return null;
        return Constants.TryGetValue(name[(dot + 1)..], out var value) ? new PyNumber(value, false, position) : null;
    }

    /// <summary>Evaluates <c>float(...)</c>, <c>int(...)</c> and <c>dict(...)</c>; any other call is returned as it is.</summary>
    public static PyValue Apply(PyCall call)
    {
        switch (call.Name)
        {
            case "float": return new PyNumber(Single(call), false, call.Position);
            case "int":
                var value = Single(call);
                if (!double.IsFinite(value)) throw new SpecException(call.Position, $"int() cannot convert {value} to an integer");
                return new PyNumber(Math.Truncate(value), true, call.Position);
            case "dict" when call.Args.Count == 0:
                return new PyDict(call.Keywords.Select(k => new PyDictEntry(new PyString(k.Name, k.Position), k.Value)).ToArray(),
                    call.Position);
            default: return call;
        }
    }

    private static double Single(PyCall call)
    {
        if (call.Args.Count != 1 || call.Keywords.Count != 0)
        {
            throw new SpecException(call.Position, $"{call.Name}() takes exactly one positional argument here");
        }
        return call.Args[0] switch
        {
            PyNumber n => n.Value,
            PyBool b => b.Value ? 1 : 0,
            PyString s => ParseNumber(call, s),
            var other => throw new SpecException(other.Position, $"{call.Name}() needs a number or a string but got {other.Kind}"),
        };
    }

    private static double ParseNumber(PyCall call, PyString s)
    {
        var text = s.Value.Trim().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        var sign = text.StartsWith('-') ? -1.0 : 1.0;
        var body = text.TrimStart('+', '-');
        if (text.Length - body.Length <= 1)
        {
            if (body is "inf" or "infinity" && call.Name == "float") return sign * double.PositiveInfinity;
            if (body == "nan" && call.Name == "float") return double.NaN;
            var style = call.Name == "int" ? NumberStyles.AllowLeadingSign : NumberStyles.Float;
            var looksNumeric = body.Length > 0 && (char.IsAsciiDigit(body[^1]) || body[^1] == '.');
            if (looksNumeric && double.TryParse(text, style, CultureInfo.InvariantCulture, out var value)
                && !(call.Name == "int" && double.IsInfinity(value)))
            {
                return value;
            }
        }
        throw new SpecException(s.Position, $"could not convert string to {call.Name}: '{s.Value}'");
    }
}
