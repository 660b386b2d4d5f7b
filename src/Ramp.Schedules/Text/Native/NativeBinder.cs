using System.Globalization;
using System.Reflection;
using Ramp.Schedules.Composition;

namespace Ramp.Schedules.Text.Native;

/// <summary>Maps a call's arguments onto a record's primary constructor, and reads them back for printing.</summary>
internal static class NativeBinder
{
    /// <summary>The record's primary constructor (the one with the most parameters that is not the copy constructor).</summary>
    public static ConstructorInfo Constructor(Type type) => type.GetConstructors()
        .Where(c => c.GetParameters() is var ps && !(ps.Length == 1 && ps[0].ParameterType == type))
        .OrderByDescending(c => c.GetParameters().Length)
        .First();

    /// <summary>The text name of a constructor parameter.</summary>
    public static string TextName(ParameterInfo parameter) => Names.Snake(parameter.Name!);

    /// <summary>The default of an optional parameter, as the value its property holds.</summary>
    public static object? Default(ParameterInfo parameter)
    {
        var value = parameter.DefaultValue;
        var type = parameter.ParameterType;
        if (value is null or DBNull)
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        return type.IsEnum ? Enum.ToObject(type, value) : value;
    }

    /// <summary>Constructor arguments for a call, defaults filled in.</summary>
    public static object?[] Bind(ConstructorInfo constructor, NativeToken name, IReadOnlyList<NativeArgument> arguments, int close)
    {
        var parameters = constructor.GetParameters();
        var names = parameters.Select(TextName).ToArray();
        var values = new object?[parameters.Length];
        var given = new bool[parameters.Length];
        var positional = 0;
        var sawNamed = false;
        foreach (var argument in arguments)
        {
            int index;
            if (argument.Name is { } argumentName)
            {
                sawNamed = true;
                index = Array.IndexOf(names, argumentName.Text);
                if (index < 0)
                    throw new SpecException(argumentName.Position, $"{name.Text} has no parameter '{argumentName.Text}'",
                        NearestNames.Find(argumentName.Text, names));
                if (given[index])
                    throw new SpecException(argumentName.Position, $"{name.Text}: '{argumentName.Text}' is given twice");
            }
            else
            {
                if (sawNamed)
                    throw new SpecException(argument.Value.Position, $"{name.Text}: a positional argument cannot follow a named one");
                if (positional >= parameters.Length)
                    throw new SpecException(argument.Value.Position, $"{name.Text} takes at most {parameters.Length} argument(s)");
                index = positional++;
            }
            values[index] = Convert(argument.Value, parameters[index].ParameterType, name.Text, names[index]);
            given[index] = true;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            if (given[i]) continue;
            if (!parameters[i].HasDefaultValue)
                throw new SpecException(close, $"{name.Text}: expected a value for '{names[i]}'");
            values[i] = Default(parameters[i]);
        }
        return values;
    }

    /// <summary>Converts a node to a constructor argument of <paramref name="type"/>.</summary>
    public static object? Convert(NativeNode node, Type type, string who, string parameter)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(long)) return Whole(Number(node, who, parameter), who, parameter);
        if (target == typeof(double)) return Number(node, who, parameter).Value;
        if (target == typeof(bool))
        {
            return node is NameNode { Token.Text: "true" or "false" } b
                ? b.Token.Text == "true"
                : throw new SpecException(node.Position, $"{who}: expected true or false for '{parameter}' but found {node.Describe()}");
        }
        if (target.IsEnum)
        {
            var choices = Enum.GetNames(target).Select(Names.Snake).ToArray();
            if (node is not NameNode choice)
                throw new SpecException(node.Position,
                    $"{who}: expected one of {string.Join(", ", choices)} for '{parameter}' but found {node.Describe()}");
            var index = Array.IndexOf(choices, choice.Token.Text);
            return index >= 0 ? Enum.GetValues(target).GetValue(index)
                : throw new SpecException(node.Position, $"{who}: '{choice.Token.Text}' is not a {parameter}",
                    NearestNames.Find(choice.Token.Text, choices));
        }
        if (target == typeof(EquatableArray<long>))
            return new EquatableArray<long>(List(node, who, parameter).Select(t => Whole(new NumberNode(t), who, parameter)));
        if (target == typeof(EquatableArray<double>))
            return new EquatableArray<double>(List(node, who, parameter).Select(t => new NumberNode(t).Value));
        if (target == typeof(Schedule)) return NativeParser.AsSchedule(node);
        throw new InvalidOperationException($"native text cannot hold a {target.Name}");
    }

    private static NumberNode Number(NativeNode node, string who, string parameter) => node as NumberNode
        ?? throw new SpecException(node.Position, $"{who}: expected a number for '{parameter}' but found {node.Describe()}");

    private static IReadOnlyList<NativeToken> List(NativeNode node, string who, string parameter) =>
        node is ListNode list ? list.Items
            : throw new SpecException(node.Position, $"{who}: expected a list [...] for '{parameter}' but found {node.Describe()}");

    private static long Whole(NumberNode node, string who, string parameter)
    {
        if (long.TryParse(node.Token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact)) return exact;
        var value = node.Value;
        if (Math.Floor(value) == value && value >= -9.2e18 && value <= 9.2e18) return (long)value;
        throw new SpecException(node.Position, $"{who}: '{parameter}' must be a whole number of steps but was {node.Token.Text}");
    }
}
