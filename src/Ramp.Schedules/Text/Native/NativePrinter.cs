using System.Collections;
using System.Globalization;
using System.Text;
using Ramp.Schedules.Composition;

namespace Ramp.Schedules.Text.Native;

/// <summary>
/// Prints schedules and specs in the native form. Required arguments are positional, optional ones are named and
/// left out when they hold their default; doubles use the shortest round-trip form, so parsing the output gives an
/// equal record.
/// </summary>
internal static class NativePrinter
{
    private enum Level
    {
        Chain,
        Product,
        Atom,
    }

    public static string Print(object value)
    {
        var text = new StringBuilder();
        Write(text, value, Level.Chain);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object value, Level context)
    {
        switch (value)
        {
            case Join join when IsChain(join):
                Wrap(text, context > Level.Chain, () =>
                {
                    for (var i = 0; i < join.Pieces.Count; i++)
                    {
                        if (i > 0) text.Append(" >> ");
                        Write(text, join.Pieces[i], Level.Product);
                    }
                });
                break;
            case Join join:
                text.Append(Join.Name).Append('(');
                foreach (var piece in join.Pieces)
                {
                    Write(text, piece, Level.Chain);
                    text.Append(", ");
                }
                text.Append("at=");
                WriteValue(text, join.At);
                text.Append(')');
                break;
            case Product product:
                Wrap(text, context > Level.Product, () =>
                {
                    for (var i = 0; i < product.Factors.Count; i++)
                    {
                        if (i > 0) text.Append(" * ");
                        Write(text, product.Factors[i], Level.Atom);
                    }
                });
                break;
            case Scaled scaled:
                Wrap(text, context > Level.Product, () =>
                {
                    WriteValue(text, scaled.Scale);
                    text.Append(" * ");
                    Write(text, scaled.Inner, scaled.Inner is Product ? Level.Product : Level.Atom);
                });
                break;
            default:
                if (NativeCatalog.NameOf(value) is { } name) WriteCall(text, name, value);
                else text.Append(value);
                break;
        }
    }

    private static bool IsChain(Join join)
    {
        long at = 0;
        for (var i = 0; i < join.At.Count; i++)
        {
            if (ScheduleLength.Of(join.Pieces[i]) is not { } length || length > long.MaxValue - at) return false;
            at += length;
            if (join.At[i] != at) return false;
        }
        return true;
    }

    private static void Wrap(StringBuilder text, bool parenthesize, Action write)
    {
        if (parenthesize) text.Append('(');
        write();
        if (parenthesize) text.Append(')');
    }

    private static void WriteCall(StringBuilder text, string name, object value)
    {
        var parameters = NativeBinder.Constructor(value.GetType()).GetParameters();
        text.Append(name).Append('(');
        var first = true;
        var named = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var argument = value.GetType().GetProperty(parameter.Name!)!.GetValue(value);
            if (parameter.HasDefaultValue && Equals(argument, NativeBinder.Default(parameter)))
            {
                named = true;
                continue;
            }
            var positional = !named && (i == 0 || (!parameter.HasDefaultValue && argument is not IEnumerable));
            named |= !positional;
            if (!first) text.Append(", ");
            first = false;
            if (!positional) text.Append(NativeBinder.TextName(parameter)).Append('=');
            WriteValue(text, argument);
        }
        text.Append(')');
    }

    private static void WriteValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case long l:
                text.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case Enum e:
                text.Append(Names.Snake(e.ToString()));
                break;
            case Schedule s:
                Write(text, s, Level.Chain);
                break;
            case IEnumerable list:
                text.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first) text.Append(", ");
                    first = false;
                    WriteValue(text, item);
                }
                text.Append(']');
                break;
            default:
                text.Append(value);
                break;
        }
    }
}
