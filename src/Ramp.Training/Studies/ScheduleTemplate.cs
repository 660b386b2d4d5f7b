using System.Globalization;
using System.Text;

namespace Ramp.Training.Studies;

/// <summary>
/// Fills the placeholders of an arm's name or schedule: each <c>{expression}</c> is replaced by its whole-number
/// value. An expression uses the names <c>steps</c> (the run's length) and <c>epoch</c> (steps per epoch), whole
/// numbers, <c>+ - * /</c> (division rounds down) and parentheses: <c>warmup({epoch}) >> cosine({steps - epoch})</c>,
/// <c>warmup(25) >> wsd({steps*8/10 - 25}, {steps - steps*8/10}, floor=0.1)</c>. Braces cannot nest.
/// </summary>
public static class ScheduleTemplate
{
    /// <summary>The text with every placeholder replaced.</summary>
    /// <exception cref="FormatException">An unclosed brace, an unknown name or a malformed expression (message names the
    /// column).</exception>
    public static string Expand(string template, long steps, long epoch)
    {
        ArgumentNullException.ThrowIfNull(template);
        var sb = new StringBuilder(template.Length);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            var close = template.IndexOf('}', open + 1);
            if (close < 0) throw new FormatException($"column {open + 1}: '{{' is not closed");
            sb.Append(template, i, open - i);
            var value = new Evaluator(template, open + 1, close, steps, epoch).Run();
            sb.Append(value.ToString(CultureInfo.InvariantCulture));
            i = close + 1;
        }
        var stray = sb.ToString().IndexOf('}');
        return stray < 0 ? sb.ToString() : throw new FormatException($"'}}' without '{{' in \"{template}\"");
    }

    private sealed class Evaluator(string text, int from, int end, long steps, long epoch)
    {
        private readonly int _start = from;
        private int _at = from;

        public long Run()
        {
            var value = Sum();
            Skip();
            if (_at != end) throw Error("an operator or '}'");
            return value;
        }

        private long Sum()
        {
            var value = Term();
            while (Peek() is '+' or '-')
            {
                var op = text[_at++];
                var right = Term();
                value = op == '+' ? value + right : value - right;
            }
            return value;
        }

        private long Term()
        {
            var value = Atom();
            while (Peek() is '*' or '/')
            {
                var op = text[_at++];
                var right = Atom();
                if (op == '/' && right == 0) throw new FormatException($"column {_at}: division by zero");
                value = op == '*' ? value * right : (long)Math.Floor((double)value / right);
            }
            return value;
        }

        private long Atom()
        {
            var c = Peek();
            if (c == '(')
            {
                _at++;
                var v = Sum();
                if (Peek() != ')') throw Error("')'");
                _at++;
                return v;
            }
            if (c == '-') { _at++; return -Atom(); }
            var from = _at;
            if (c is >= '0' and <= '9')
            {
                while (_at < end && char.IsAsciiDigit(text[_at])) _at++;
                return long.Parse(text.AsSpan(from, _at - from), CultureInfo.InvariantCulture);
            }
            while (_at < end && (char.IsAsciiLetter(text[_at]) || text[_at] == '_')) _at++;
            return text[from.._at] switch
            {
                "steps" => steps,
                "epoch" => epoch,
                "" => throw Error("a number, 'steps', 'epoch' or '('"),
                var name => throw new FormatException($"column {from + 1}: unknown name '{name}' in braces (use steps or epoch)"),
            };
        }

        private char Peek()
        {
            Skip();
            return _at < end ? text[_at] : '}';
        }

        private void Skip()
        {
            while (_at < end && text[_at] == ' ') _at++;
        }

        private FormatException Error(string expected) =>
            new($"column {_at + 1}: expected {expected} in \"{{{text[_start..end]}}}\"");
    }
}
