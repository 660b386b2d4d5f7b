namespace Ramp.Schedules.Text.Native;

/// <summary>Kinds of token in the native text form.</summary>
internal enum TokenKind
{
    Name,
    Number,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Equals,
    Star,
    Then,
    End,
}

/// <summary>One token: its kind, its text and where it starts.</summary>
internal readonly record struct NativeToken(TokenKind Kind, string Text, int Position)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the text",
        TokenKind.Name => $"name '{Text}'",
        TokenKind.Number => $"number {Text}",
        _ => $"'{Text}'",
    };
}
