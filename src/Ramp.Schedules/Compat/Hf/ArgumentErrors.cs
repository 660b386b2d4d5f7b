using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Compat.Hf;

/// <summary>
/// Shared by the peers' catalogs (transformers, timm, optax, DeepSpeed, Keras): the records validate their own
/// arguments once, at construction, with <see cref="ArgumentException"/>; a Python call turns that into a
/// <see cref="SpecException"/> that points at the offending argument.
/// </summary>
internal static class ArgumentErrors
{
    /// <summary>Runs <paramref name="build"/>; an <see cref="ArgumentException"/> becomes a <see cref="SpecException"/>.</summary>
    public static ScheduleSpec Guard(PyArgs a, Func<ScheduleSpec> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw a.Error(PyName(e.ParamName), Problem(e));
        }
    }

    /// <summary>The message without .NET's parameter and actual-value suffixes and without the leading "who: ".</summary>
    public static string Problem(ArgumentException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        var actual = message.IndexOf("\nActual value", StringComparison.Ordinal);
        if (actual >= 0) message = message[..actual];
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? message[(colon + 2)..] : message;
    }

    /// <summary>Maps a C# parameter name (<c>NumWarmupSteps</c>) to the Python one (<c>num_warmup_steps</c>).</summary>
    public static string PyName(string? parameter)
    {
        if (parameter is null) return "";
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < parameter.Length; i++)
        {
            var c = parameter[i];
            var boundary = i > 0 && char.IsUpper(c)
                && (!char.IsUpper(parameter[i - 1]) || (i + 1 < parameter.Length && char.IsLower(parameter[i + 1])));
            if (boundary) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
