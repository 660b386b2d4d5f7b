namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Parses one Python expression as it is written in a training recipe: dotted names, calls with positional and
/// keyword arguments (nested calls too), lists, tuples, dicts, strings, numbers in every Python spelling,
/// <c>True</c>/<c>False</c>/<c>None</c>, constants such as <c>math.inf</c> and <c>float('inf')</c>, and simple
/// arithmetic on numbers (<c>1/3</c>, <c>10**-3</c>, <c>(4+1)</c>). Comments, newlines and trailing commas are allowed.
/// </summary>
/// <remarks>The only exception it throws is <see cref="SpecException"/>, whatever the input.</remarks>
internal static class PythonCallParser
{
    /// <summary>Parses one Python expression (call, dict, list, number, string, True/False/None, name).</summary>
    /// <exception cref="SpecException">The text is not one well-formed expression of the supported kinds.</exception>
    public static PyValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = PyTokenizer.Tokenize(text);
        Brackets.Check(tokens.Where(t => t.Kind == PyTokenKind.Op && t.Text is "(" or ")" or "[" or "]" or "{" or "}")
            .Select(t => (t.Text[0], t.Position)));
        var parser = new PyExpressionParser(tokens);
        return parser.ParseAll();
    }
}
