namespace Ramp.Schedules.Text.Python;

/// <summary>The kinds of token a Python expression is made of.</summary>
internal enum PyTokenKind
{
    /// <summary>An identifier such as <c>optimizer</c> or <c>StepLR</c>.</summary>
    Name,

    /// <summary>A numeric literal; <see cref="PyToken.Number"/> holds its value.</summary>
    Number,

    /// <summary>A string literal; <see cref="PyToken.Text"/> holds the unescaped value.</summary>
    String,

    /// <summary>Punctuation or an operator; <see cref="PyToken.Text"/> holds it.</summary>
    Op,

    /// <summary>The end of the text.</summary>
    End,
}

/// <summary>One token: kind, text (name, operator or unescaped string), number value and position.</summary>
internal readonly record struct PyToken(PyTokenKind Kind, string Text, int Position, double Number = 0, bool IsInteger = false)
{
    /// <summary>Whether this is the operator <paramref name="op"/>.</summary>
    public bool Is(string op) => Kind == PyTokenKind.Op && Text == op;

    /// <summary>How an error message names this token.</summary>
    public string Describe() => Kind switch
    {
        PyTokenKind.End => "the end of the text",
        PyTokenKind.Name => $"'{Text}'",
        PyTokenKind.Number => $"the number {Text}",
        PyTokenKind.String => "a string",
        _ => $"'{Text}'",
    };
}
