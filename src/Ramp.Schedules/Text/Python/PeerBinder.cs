using System.Collections.Concurrent;
using System.Collections;
using System.Globalization;
using System.Reflection;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Builds a peer call's record from the record's primary constructor, and prints the record back as the call, so
/// a peer parameter's name and default are written once: in the constructor. A constructor's validation error
/// becomes a <see cref="SpecException"/> at the argument it names (<see cref="PyArgs.Invalid"/>).
/// </summary>
internal static class PeerBinder
{
    private static readonly ConcurrentDictionary<Type, PeerSignature> Signatures = new();

    /// <summary>The signature of a record declared with <see cref="PeerCallAttribute"/>.</summary>
    public static PeerSignature Of(Type type) => Signatures.GetOrAdd(type, PeerSignature.Read);

    /// <summary>The catalog entry of a declared record.</summary>
    public static PeerEntry Entry(Type type)
    {
        var signature = Of(type);
        return new PeerEntry(signature.Call.Peer, signature.Call.Name, signature.Call.Modules, call => Build(signature, call))
        {
            Record = type,
        };
    }

    /// <summary>The spec a call of a declared record denotes (a <see cref="Schedule"/> is wrapped in a <see cref="FactorSpec"/>).</summary>
    public static ScheduleSpec Build(PeerSignature signature, PyCall call)
    {
        var args = PyArgs.Bind(call, signature.Python);
        var values = new object?[signature.Parameters.Length];
        for (var i = 0; i < values.Length; i++) values[i] = Read(args, signature.Parameters[i], signature.Names[i]);
        var made = args.Construct(
            () => signature.Constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, values, CultureInfo.InvariantCulture));
        return made as ScheduleSpec ?? new FactorSpec((Schedule)made);
    }

    /// <summary>The Python call that builds <paramref name="record"/> (defaults left out).</summary>
    public static string Print(object record)
    {
        var signature = Of(record.GetType());
        var parts = new List<string>();
        if (signature.Call.TakesOptimizer) parts.Add("optimizer");
        for (var i = 0; i < signature.Parameters.Length; i++)
        {
            var parameter = signature.Parameters[i];
            var value = record.GetType().GetProperty(parameter.Name!)!.GetValue(record);
            var fallback = parameter.HasDefaultValue ? NativeBinder.Default(parameter) : DBNull.Value;
            if (parameter.GetCustomAttribute<PyConverterAttribute>() is { } custom)
            {
                parts.AddRange(custom.Converter.Print(signature.Names[i], value, fallback).Select(k => $"{k.Name}={k.Text}"));
            }
            else if (fallback is DBNull || !Equals(value, fallback))
            {
                parts.Add($"{signature.Names[i]}={Text(value)}");
            }
        }
        return $"{signature.Call.Modules[0]}.{signature.Call.Name}({string.Join(", ", parts)})";
    }

    /// <summary>The Python spelling of a value.</summary>
    public static string Text(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => Number(d),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s => $"'{s}'",
        Enum e => $"'{EnumName(e.GetType(), e)}'",
        EquatableArray<double> { Count: 1 } one => Number(one[0]),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Text)) + "]",
        _ => value.ToString()!,
    };

    /// <summary>A number as Python reads it back exactly (<c>float('inf')</c> for infinities).</summary>
    public static string Number(double value) => double.IsFinite(value)
        ? value.ToString("R", CultureInfo.InvariantCulture)
        : $"float('{(double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf")}')";

    /// <summary>The Python spelling of an enum member (<see cref="PyNameAttribute"/>, else its snake-case name).</summary>
    public static string EnumName(Type type, object member)
    {
        var name = Enum.GetName(type, member)!;
        return type.GetField(name)!.GetCustomAttribute<PyNameAttribute>()?.Name ?? Names.Snake(name);
    }

    private static object? Read(PyArgs args, ParameterInfo parameter, string name)
    {
        var fallback = parameter.HasDefaultValue ? NativeBinder.Default(parameter) : DBNull.Value;
        if (parameter.GetCustomAttribute<PyConverterAttribute>() is { } custom) return custom.Converter.Read(args, name, fallback);
        if (!args.Has(name)) return fallback is DBNull ? throw args.Missing(name) : fallback;
        var type = parameter.ParameterType;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (args.Raw(name) is PyNone && (target != type || fallback is null)) return null;
        return Value(args, name, target);
    }

    /// <summary>The argument <paramref name="name"/> as a constructor value of type <paramref name="target"/>.</summary>
    public static object? Value(PyArgs args, string name, Type target)
    {
        if (target == typeof(long)) return args.Int(name);
        if (target == typeof(double)) return args.Double(name);
        if (target == typeof(bool)) return args.Bool(name);
        if (target == typeof(EquatableArray<double>)) return new EquatableArray<double>(args.DoubleOrList(name));
        if (target == typeof(EquatableArray<long>)) return new EquatableArray<long>(args.IntList(name));
        if (target.IsEnum)
        {
            var members = Enum.GetValues(target).Cast<object>().ToArray();
            var names = members.Select(m => EnumName(target, m)).ToArray();
            return members[Array.IndexOf(names, args.Str(name, null, names))];
        }
        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(EquatableArray<>)
            && typeof(ScheduleSpec).IsAssignableFrom(target.GetGenericArguments()[0]))
        {
            return Nested(args, name, target.GetGenericArguments()[0], target);
        }
        throw new InvalidOperationException($"a Python call cannot hold a {target.Name}");
    }

    private static string Kind(Type element) =>
        element.Name.StartsWith("Torch", StringComparison.Ordinal) ? "a PyTorch scheduler"
        : element.Name.StartsWith("Optax", StringComparison.Ordinal) ? "an optax schedule"
        : $"a {element.Name}";

    private static object Nested(PyArgs args, string name, Type element, Type arrayType)
    {
        var specs = args.List(name).Select(item => item is PyCall call
            ? PythonSpecBuilder.Build(call) is var spec && element.IsInstanceOfType(spec)
                ? spec
                : throw new SpecException(call.Position,
                    $"{args.Call.ShortName}: expected {Kind(element)} in {name} but found a call of {call.Name}")
            : throw new SpecException(item.Position, $"{args.Call.ShortName}: {name} must hold scheduler calls but holds {item.Kind}"))
            .ToArray();
        var typed = Array.CreateInstance(element, specs.Length);
        Array.Copy(specs, typed, specs.Length);
        return Activator.CreateInstance(arrayType, typed)!;
    }
}
