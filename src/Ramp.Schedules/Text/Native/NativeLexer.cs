using System.Globalization;

namespace Ramp.Schedules.Text.Native;

/// <summary>Splits native text into tokens; the only error is <see cref="SpecException"/>.</summary>
internal static class NativeLexer
{
    public static List<NativeToken> Tokenize(string text)
    {
        var tokens = new List<NativeToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new(TokenKind.Name, text[start..i], start));
                continue;
            }
            if (char.IsAsciiDigit(c) || c == '.' || ((c == '-' || c == '+') && i + 1 < text.Length
                    && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                tokens.Add(new(TokenKind.Number, ReadNumber(text, ref i), start));
                continue;
            }
            if (c == '>' && i + 1 < text.Length && text[i + 1] == '>')
            {
                tokens.Add(new(TokenKind.Then, ">>", start));
                i += 2;
                continue;
            }
            var kind = c switch
            {
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                '[' => TokenKind.LeftBracket,
                ']' => TokenKind.RightBracket,
                ',' => TokenKind.Comma,
                '=' => TokenKind.Equals,
                '*' => TokenKind.Star,
                _ => throw new SpecException(start, $"unexpected character {Show(c)}"),
            };
            tokens.Add(new(kind, c.ToString(), start));
            i++;
        }
        tokens.Add(new(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static string ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] is '-' or '+') i++;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        }
        if (digits == 0) throw new SpecException(start, "expected digits in a number");
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var mark = i++;
            if (i < text.Length && text[i] is '-' or '+') i++;
            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; exponent++; }
            if (exponent == 0) throw new SpecException(mark, "expected digits after the exponent 'e' of a number");
        }
        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
            throw new SpecException(i, $"expected ',' or ')' after number {text[start..i]} but found {Show(text[i])}");
        return text[start..i];
    }

    public static double ToDouble(NativeToken token)
    {
        var value = double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? value : throw new SpecException(token.Position, $"number {token.Text} is too large");
    }

    private static string Show(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
