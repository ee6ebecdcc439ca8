using Assessment.Domain;

namespace Assessment.Rules.Language;

/// <summary>What a token is. The words <c>and</c>, <c>or</c> and <c>not</c> are read as <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>.</summary>
public enum TokenKind { Number, Text, Name, True, False, Operator, End }

/// <summary>
/// One token of a rule expression: its kind, the operator or name it is (<see cref="Text"/>; for
/// <c>and</c>/<c>or</c>/<c>not</c> the symbol they stand for), where it is, and a literal's value.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, Span Span, double Number = 0, string? Value = null)
{
    public bool Is(string op) => Kind == TokenKind.Operator && Text == op;
}

/// <summary>A 0-based range of characters in an expression's text.</summary>
public readonly record struct Span(int Start, int Length)
{
    public int End => Start + Length;

    public static Span Between(Span first, Span last) => new(first.Start, last.End - first.Start);

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>A problem at a 0-based offset in an expression, in Swedish for the rule's author, with its kind.</summary>
public sealed record Problem(ErrorKind Kind, int Offset, string Message)
{
    /// <summary>A syntax problem (the lexer's and the parser's).</summary>
    public static Problem Syntax(int offset, string message) => new(ErrorKinds.ExpressionSyntax, offset, message);
}
