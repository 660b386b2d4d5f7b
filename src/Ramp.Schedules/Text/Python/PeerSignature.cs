using System.Reflection;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Text.Python;

/// <summary>A declared peer record's call: its attribute, its primary constructor and the Python name of each parameter.</summary>
/// <param name="Type">The record type.</param>
/// <param name="Call">The record's <see cref="PeerCallAttribute"/>.</param>
/// <param name="Constructor">The primary constructor.</param>
/// <param name="Parameters">The constructor's parameters.</param>
/// <param name="Names">The Python name of each parameter.</param>
/// <param name="Python">The peer's parameters in positional order (those without a constructor parameter are ignored).</param>
internal sealed record PeerSignature(
    Type Type, PeerCallAttribute Call, ConstructorInfo Constructor, ParameterInfo[] Parameters, string[] Names, string[] Python)
{
    /// <summary>Reads the signature of <paramref name="type"/>.</summary>
    public static PeerSignature Read(Type type)
    {
        var call = type.GetCustomAttribute<PeerCallAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} is not declared with [PeerCall]");
        var constructor = NativeBinder.Constructor(type);
        var parameters = constructor.GetParameters();
        var names = parameters.Select(NameOf).ToArray();
        var python = call.Signature?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? names;
        var missing = names.Where((n, i) => !python.Contains(n) && parameters[i].GetCustomAttribute<PyConverterAttribute>() is null);
        if (missing.Any())
        {
            throw new InvalidOperationException($"{type.Name}: the signature of {call.Name} lacks {string.Join(", ", missing)}");
        }
        return new PeerSignature(type, call, constructor, parameters, names, python);
    }

    /// <summary>The Python name of a constructor parameter.</summary>
    public static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<PyNameAttribute>()?.Name ?? Ramp.Schedules.Names.Snake(parameter.Name!);
}
