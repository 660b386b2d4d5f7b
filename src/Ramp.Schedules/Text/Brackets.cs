namespace Ramp.Schedules.Text;

/// <summary>
/// Checks that the brackets of a spec pair up before it is parsed, so that a missing <c>)</c> is reported as such
/// (which bracket, where it opened) instead of as whatever the parser meets next.
/// </summary>
internal static class Brackets
{
    private const string Open = "([{";
    private const string Close = ")]}";

    /// <summary>Throws a <see cref="SpecException"/> at the first bracket that does not pair up.</summary>
    /// <param name="brackets">Every bracket token of the text, in order, with its position.</param>
    public static void Check(IEnumerable<(char Symbol, int Position)> brackets)
    {
        var open = new Stack<(char Symbol, int Position)>();
        foreach (var bracket in brackets)
        {
            if (Open.Contains(bracket.Symbol))
            {
                open.Push(bracket);
                continue;
            }
            var expected = Open[Close.IndexOf(bracket.Symbol)];
            if (open.Count == 0)
            {
                throw new SpecException(bracket.Position, $"'{bracket.Symbol}' has no matching '{expected}' before it");
            }
            var opener = open.Pop();
            if (opener.Symbol != expected)
            {
                throw new SpecException(bracket.Position, $"'{bracket.Symbol}' does not close the '{opener.Symbol}' opened at "
                    + $"column {opener.Position + 1} (expected '{Close[Open.IndexOf(opener.Symbol)]}')");
            }
        }
        if (open.Count > 0)
        {
            var unclosed = open.Pop();
            throw new SpecException(unclosed.Position,
                $"the '{unclosed.Symbol}' opened here is never closed: add '{Close[Open.IndexOf(unclosed.Symbol)]}'");
        }
    }
}
