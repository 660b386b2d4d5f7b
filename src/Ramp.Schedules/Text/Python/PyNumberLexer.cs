using System.Globalization;
using System.Numerics;

namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Reads a Python numeric literal: decimal integers (<c>1_000</c>), hex, octal and binary integers
/// (<c>0x10</c>, <c>0o7</c>, <c>0b1</c>) and floats (<c>.5</c>, <c>5.</c>, <c>1e-3</c>, <c>1E+3</c>), with
/// Python's rules for underscores and leading zeros.
/// </summary>
internal static class PyNumberLexer
{
    /// <summary>Reads the literal starting at <paramref name="i"/> and moves <paramref name="i"/> past it.</summary>
    public static PyToken Read(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && char.ToLowerInvariant(text[i + 1]) is 'x' or 'o' or 'b')
        {
            var radix = char.ToLowerInvariant(text[i + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            i += 2;
            var digits = Digits(text, ref i, c => Uri.IsHexDigit(c), allowLeadingUnderscore: true);
            if (digits.Length == 0) throw Invalid(text, start, i);
            var value = BigInteger.Zero;
            foreach (var d in digits)
            {
                var digit = Convert.ToInt32(d.ToString(), 16);
                if (digit >= radix) throw new SpecException(start, $"invalid digit '{d}' in a base-{radix} literal");
                value = value * radix + digit;
            }
            EndOfLiteral(text, start, i);
            return Token(text, start, i, (double)value, true);
        }

        var integer = Digits(text, ref i, char.IsAsciiDigit, allowLeadingUnderscore: false);
        var isInteger = true;
        var fraction = "";
        if (i < text.Length && text[i] == '.')
        {
            isInteger = false;
            i++;
            if (i < text.Length && text[i] == '_') throw Invalid(text, start, i);
            fraction = Digits(text, ref i, char.IsAsciiDigit, allowLeadingUnderscore: false);
        }
        var exponent = "";
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            isInteger = false;
            i++;
            var sign = i < text.Length && text[i] is '+' or '-' ? text[i++].ToString() : "";
            var digits = Digits(text, ref i, char.IsAsciiDigit, allowLeadingUnderscore: false);
            if (digits.Length == 0) throw Invalid(text, start, i);
            exponent = "e" + sign + digits;
        }
        if (i < text.Length && text[i] is 'j' or 'J')
        {
            throw new SpecException(start, "complex numbers are not supported in a schedule spec");
        }
        EndOfLiteral(text, start, i);
        if (isInteger && integer.Length > 1 && integer.TrimStart('0').Length > 0 && integer[0] == '0')
        {
            throw new SpecException(start,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        }
        var number = double.Parse((integer.Length == 0 ? "0" : integer) + "." + (fraction.Length == 0 ? "0" : fraction) + exponent,
            NumberStyles.Float, CultureInfo.InvariantCulture);
        if (isInteger && double.IsInfinity(number)) throw new SpecException(start, "integer literal too large");
        return Token(text, start, i, number, isInteger);
    }

    private static PyToken Token(string text, int start, int end, double value, bool isInteger) =>
        new(PyTokenKind.Number, text[start..end], start, value, isInteger);

    /// <summary>Reads digits separated by single underscores; an underscore must sit between two digits.</summary>
    private static string Digits(string text, ref int i, Func<char, bool> isDigit, bool allowLeadingUnderscore)
    {
        var digits = new System.Text.StringBuilder();
        var start = i;
        while (i < text.Length)
        {
            if (isDigit(text[i]))
            {
                digits.Append(text[i++]);
            }
            else if (text[i] == '_' && i + 1 < text.Length && isDigit(text[i + 1])
                     && (digits.Length > 0 || (allowLeadingUnderscore && i == start)))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return digits.ToString();
    }

    private static void EndOfLiteral(string text, int start, int i)
    {
        if (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) throw Invalid(text, start, i);
    }

    private static SpecException Invalid(string text, int start, int at)
    {
        var end = at;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.')) end++;
        return new SpecException(start, $"invalid number literal '{text[start..Math.Max(end, Math.Min(at + 1, text.Length))]}'");
    }
}
