namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Splits one Python expression into tokens: names, numbers, strings and operators; whitespace, newlines,
/// <c>#</c> comments and backslash line continuations are skipped. Every problem is a <see cref="SpecException"/>.
/// </summary>
internal static class PyTokenizer
{
    private static readonly string[] Operators = ["**", "//", "(", ")", "[", "]", "{", "}", ",", ":", "=", ".", "+", "-", "*", "/", "%"];

    /// <summary>All tokens of <paramref name="text"/>, ending with one <see cref="PyTokenKind.End"/> token.</summary>
    public static List<PyToken> Tokenize(string text)
    {
        var tokens = new List<PyToken>();
        var i = 0;
        while (true)
        {
            i = SkipBlank(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new PyToken(PyTokenKind.End, "", text.Length));
                return tokens;
            }
            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(PyNumberLexer.Read(text, ref i));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(PyStringLexer.Read(text, ref i, i, raw: false));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                var name = text[start..i];
                if (i < text.Length && text[i] is '\'' or '"')
                {
                    tokens.Add(StringWithPrefix(text, ref i, start, name));
                }
                else
                {
                    tokens.Add(new PyToken(PyTokenKind.Name, name, start));
                }
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new SpecException(i, $"unexpected character {Show(c)}");
                tokens.Add(new PyToken(PyTokenKind.Op, op, i));
                i += op.Length;
            }
        }
    }

    /// <summary>Prints a character for an error message, escaping invisible ones.</summary>
    public static string Show(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : $"'{c}'";

    private static PyToken StringWithPrefix(string text, ref int i, int start, string prefix) =>
        prefix.ToLowerInvariant() switch
        {
            "r" => PyStringLexer.Read(text, ref i, start, raw: true),
            "u" => PyStringLexer.Read(text, ref i, start, raw: false),
            "f" or "rf" or "fr" => throw new SpecException(start, "f-strings are not supported in a schedule spec; write the value"),
            "b" or "rb" or "br" => throw new SpecException(start, "bytes literals are not supported in a schedule spec; use a string"),
            _ => throw new SpecException(i, $"expected an operator after '{prefix}' but found a string"),
        };

    private static int SkipBlank(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < text.Length && text[i] is not '\n' and not '\r') i++;
            }
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\n' or '\r')
            {
                i += 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }
}
