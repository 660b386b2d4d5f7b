namespace Ramp.Schedules.Text.Python;

/// <summary>Recursive-descent parser over the tokens of one expression; arithmetic is folded as it is read.</summary>
internal sealed class PyExpressionParser(List<PyToken> tokens)
{
    private const int MaxDepth = 200;
    private int _next;
    private int _depth;

    private PyToken Current => tokens[_next];

    /// <summary>Parses one expression and requires the end of the text after it.</summary>
    public PyValue ParseAll()
    {
        var value = ParseExpression();
        if (Current.Kind != PyTokenKind.End) throw Expected("the end of the text");
        return value;
    }

    private PyValue ParseExpression()
    {
        if (++_depth > MaxDepth) throw new SpecException(Current.Position, $"the expression nests deeper than {MaxDepth} levels");
        var left = ParseTerm();
        while (Current.Is("+") || Current.Is("-"))
        {
            var op = Take();
            left = PyArithmetic.Binary(op, left, ParseTerm());
        }
        _depth--;
        return left;
    }

    private PyValue ParseTerm()
    {
        var left = ParseUnary();
        while (Current.Is("*") || Current.Is("/") || Current.Is("//") || Current.Is("%"))
        {
            var op = Take();
            left = PyArithmetic.Binary(op, left, ParseUnary());
        }
        return left;
    }

    private PyValue ParseUnary()
    {
        if (!Current.Is("+") && !Current.Is("-")) return ParsePower();
        if (++_depth > MaxDepth) throw new SpecException(Current.Position, $"the expression nests deeper than {MaxDepth} levels");
        var op = Take();
        var operand = ParseUnary();
        _depth--;
        return PyArithmetic.Unary(op, operand);
    }

    private PyValue ParsePower()
    {
        var value = ParsePrimary();
        if (!Current.Is("**")) return value;
        var op = Take();
        return PyArithmetic.Binary(op, value, ParseUnary());
    }

    private PyValue ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case PyTokenKind.Number:
                _next++;
                return new PyNumber(token.Number, token.IsInteger, token.Position);
            case PyTokenKind.String:
                var text = new System.Text.StringBuilder();
                while (Current.Kind == PyTokenKind.String) text.Append(Take().Text);
                return new PyString(text.ToString(), token.Position);
            case PyTokenKind.Name:
                return ParseNameOrCall();
        }
        if (token.Is("(")) return ParseParenthesised();
        if (token.Is("["))
        {
            _next++;
            return new PyList(ParseItems("]"), token.Position);
        }
        if (token.Is("{")) return ParseDict();
        throw Expected("a value");
    }

    private PyValue ParseNameOrCall()
    {
        var first = Take();
        switch (first.Text)
        {
            case "True": return new PyBool(true, first.Position);
            case "False": return new PyBool(false, first.Position);
            case "None": return new PyNone(first.Position);
            case "lambda":
                throw new SpecException(first.Position,
                "a Python lambda cannot be run here (LambdaLR and MultiplicativeLR are not supported): "
                + "write the factor as native text, e.g. warmup(100) >> cosine(900)");
        }
        var name = first.Text;
        var last = first.Position;
        while (Current.Is("."))
        {
            _next++;
            if (Current.Kind != PyTokenKind.Name) throw Expected("a name after '.'");
            last = Current.Position;
            name += "." + Take().Text;
        }
        if (Current.Is("(")) return PyBuiltins.Apply(ParseCall(name, first.Position) with { NamePosition = last });
        return (PyValue?)PyBuiltins.Constant(name, first.Position) ?? new PyName(name, first.Position);
    }

    private PyCall ParseCall(string name, int position)
    {
        _next++;
        var args = new List<PyValue>();
        var keywords = new List<PyKeyword>();
        while (!Current.Is(")"))
        {
            if (Current.Is("*") || Current.Is("**"))
            {
                throw new SpecException(Current.Position, "*args and **kwargs are not supported: write the arguments out");
            }
            if (Current.Kind == PyTokenKind.Name && tokens[_next + 1].Is("="))
            {
                var key = Take();
                _next++;
                keywords.Add(new PyKeyword(key.Text, ParseExpression(), key.Position));
            }
            else
            {
                if (keywords.Count > 0) throw new SpecException(Current.Position, "positional argument follows keyword argument");
                args.Add(ParseExpression());
            }
            if (!Current.Is(",")) break;
            _next++;
        }
        if (!Current.Is(")")) throw Expected("',' or ')'");
        _next++;
        return new PyCall(name, args.ToArray(), keywords.ToArray(), position);
    }

    private PyValue ParseParenthesised()
    {
        var open = Take();
        if (Current.Is(")"))
        {
            _next++;
            return new PyList(Array.Empty<PyValue>(), open.Position);
        }
        var first = ParseExpression();
        if (Current.Is(")"))
        {
            _next++;
            return first;
        }
        if (!Current.Is(",")) throw Expected("',' or ')'");
        _next++;
        var rest = ParseItems(")");
        return new PyList(new[] { first }.Concat(rest).ToArray(), open.Position);
    }

    /// <summary>Comma-separated values up to <paramref name="close"/> (consumed), a trailing comma allowed.</summary>
    private PyValue[] ParseItems(string close)
    {
        var items = new List<PyValue>();
        while (!Current.Is(close))
        {
            items.Add(ParseExpression());
            if (!Current.Is(",")) break;
            _next++;
        }
        if (!Current.Is(close)) throw Expected($"',' or '{close}'");
        _next++;
        return items.ToArray();
    }

    private PyDict ParseDict()
    {
        var open = Take();
        var entries = new List<PyDictEntry>();
        while (!Current.Is("}"))
        {
            if (Current.Is("**")) throw new SpecException(Current.Position, "'**' unpacking is not supported: write the entries out");
            var key = ParseExpression();
            if (!Current.Is(":")) throw Expected("':' after a dict key");
            _next++;
            entries.Add(new PyDictEntry(key, ParseExpression()));
            if (!Current.Is(",")) break;
            _next++;
        }
        if (!Current.Is("}")) throw Expected("',' or '}'");
        _next++;
        return new PyDict(entries.ToArray(), open.Position);
    }

    private PyToken Take() => tokens[_next++];

    private SpecException Expected(string what) =>
        new(Current.Position, $"expected {what} but found {Current.Describe()}");
}
