namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Folds arithmetic on number literals the way Python evaluates it (<c>1/3</c>, <c>2*0.5</c>, <c>10**-3</c>,
/// <c>7//2</c>, <c>-7%3</c>): an integer result stays an integer, <c>/</c> always gives a float.
/// </summary>
internal static class PyArithmetic
{
    /// <summary>Applies unary <c>+</c> or <c>-</c>.</summary>
    public static PyValue Unary(PyToken op, PyValue operand) => operand switch
    {
        PyNumber n => new PyNumber(op.Text == "-" ? -n.Value : n.Value, n.IsInteger, op.Position),
        _ => throw new SpecException(op.Position, $"unary '{op.Text}' needs a number but found {operand.Kind}"),
    };

    /// <summary>Applies a binary operator to two numbers.</summary>
    public static PyValue Binary(PyToken op, PyValue left, PyValue right)
    {
        if (left is not PyNumber a || right is not PyNumber b)
        {
            var bad = left is PyNumber ? right : left;
            throw new SpecException(op.Position, $"'{op.Text}' needs numbers on both sides but found {bad.Kind}");
        }
        var integers = a.IsInteger && b.IsInteger;
        switch (op.Text)
        {
            case "+": return new PyNumber(a.Value + b.Value, integers, a.Position);
            case "-": return new PyNumber(a.Value - b.Value, integers, a.Position);
            case "*": return new PyNumber(a.Value * b.Value, integers, a.Position);
            case "/":
                NotZero(op, b);
                return new PyNumber(a.Value / b.Value, false, a.Position);
            case "//":
                NotZero(op, b);
                return new PyNumber(Math.Floor(a.Value / b.Value), integers, a.Position);
            case "%":
                NotZero(op, b);
                var remainder = a.Value - b.Value * Math.Floor(a.Value / b.Value);
                return new PyNumber(remainder, integers, a.Position);
            default:
                return Power(op, a, b);
        }
    }

    private static PyNumber Power(PyToken op, PyNumber a, PyNumber b)
    {
        if (a.Value == 0 && b.Value < 0)
        {
            throw new SpecException(op.Position, "0 cannot be raised to a negative power");
        }
        if (a.Value < 0 && b.Value != Math.Floor(b.Value))
        {
            throw new SpecException(op.Position, "a negative number raised to a fractional power is complex, which a schedule cannot use");
        }
        return new PyNumber(Math.Pow(a.Value, b.Value), a.IsInteger && b.IsInteger && b.Value >= 0, a.Position);
    }

    private static void NotZero(PyToken op, PyNumber divisor)
    {
        if (divisor.Value == 0) throw new SpecException(op.Position, $"division by zero in '{op.Text}'");
    }
}
