using System.Globalization;
using System.Text;

namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Reads a Python string literal: single, double or triple quoted, with Python's escapes (<c>\n</c>, <c>\t</c>,
/// <c>\xhh</c>, <c>\uhhhh</c>, <c>\Uhhhhhhhh</c>, octal, escaped newline) or none at all with an <c>r</c> prefix.
/// </summary>
internal static class PyStringLexer
{
    /// <summary>
    /// Reads the literal whose opening quote is at <paramref name="i"/>; <paramref name="start"/> is where its prefix begins.
    /// </summary>
    public static PyToken Read(string text, ref int i, int start, bool raw)
    {
        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new SpecException(start, triple ? "unterminated triple-quoted string" : "unterminated string");
            }
            var c = text[i];
            if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                i += triple ? 3 : 1;
                return new PyToken(PyTokenKind.String, value.ToString(), start);
            }
            if (!triple && c is '\n' or '\r') throw new SpecException(start, "unterminated string (a newline inside a quoted string)");
            if (c != '\\')
            {
                value.Append(c);
                i++;
            }
            else if (raw)
            {
                // A raw string keeps the backslash, but a backslash still stops the next quote from closing it.
                value.Append(c);
                i++;
                if (i < text.Length) value.Append(text[i++]);
            }
            else
            {
                i = Escape(text, i, value);
            }
        }
    }

    private static int Escape(string text, int i, StringBuilder value)
    {
        if (i + 1 >= text.Length) throw new SpecException(i, "unterminated string (it ends in a backslash)");
        var e = text[i + 1];
        switch (e)
        {
            case '\n': return i + 2;
            case '\r': return i + 2 < text.Length && text[i + 2] == '\n' ? i + 3 : i + 2;
            case '\\' or '\'' or '"': value.Append(e); return i + 2;
            case 'n': value.Append('\n'); return i + 2;
            case 't': value.Append('\t'); return i + 2;
            case 'r': value.Append('\r'); return i + 2;
            case 'a': value.Append('\a'); return i + 2;
            case 'b': value.Append('\b'); return i + 2;
            case 'f': value.Append('\f'); return i + 2;
            case 'v': value.Append('\v'); return i + 2;
            case 'x': return Hex(text, i, 2, value);
            case 'u': return Hex(text, i, 4, value);
            case 'U': return Hex(text, i, 8, value);
            case >= '0' and <= '7':
                var end = i + 1;
                var code = 0;
                while (end < text.Length && end < i + 4 && text[end] is >= '0' and <= '7') code = code * 8 + (text[end++] - '0');
                value.Append((char)code);
                return end;
            default:
                // Python keeps unknown escapes as written.
                value.Append('\\').Append(e);
                return i + 2;
        }
    }

    private static int Hex(string text, int i, int digits, StringBuilder value)
    {
        var from = i + 2;
        if (from + digits > text.Length || !text.AsSpan(from, digits).ToString().All(Uri.IsHexDigit))
        {
            throw new SpecException(i, $"truncated \\{text[i + 1]} escape: it needs {digits} hex digits");
        }
        var code = int.Parse(text.AsSpan(from, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (code > 0x10FFFF || code < 0) throw new SpecException(i, "illegal Unicode character in a \\U escape");
        if (code is >= 0xD800 and <= 0xDFFF) value.Append((char)code);
        else value.Append(char.ConvertFromUtf32(code));
        return from + digits;
    }
}
