namespace Assessment.Rules.Language;

public enum UnaryOperator { Not, Negate }

public enum BinaryOperator { Multiply, Divide, Add, Subtract, Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual, And, Or }

/// <summary>
/// A rule expression as the parser reads it: immutable, each node with its <see cref="Span"/> in the
/// expression's text (a parenthesised expression's span includes its parentheses).
/// </summary>
public abstract record Expr(Span Span);

public sealed record NumberLiteral(double Value, Span Span) : Expr(Span);

public sealed record TextLiteral(string Value, Span Span) : Expr(Span);

public sealed record BoolLiteral(bool Value, Span Span) : Expr(Span);

/// <summary>A fact or a threshold, by name.</summary>
public sealed record NameExpr(string Name, Span Span) : Expr(Span);

public sealed record UnaryExpr(UnaryOperator Operator, Expr Operand, Span Span) : Expr(Span);

public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, Span Span) : Expr(Span);

/// <summary><c>Condition ? WhenTrue : WhenFalse</c>.</summary>
public sealed record ConditionalExpr(Expr Condition, Expr WhenTrue, Expr WhenFalse, Span Span) : Expr(Span);

public static class Operators
{
    public static string Symbol(this BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "&&",
        _ => "||",
    };

    public static string Symbol(this UnaryOperator op) => op == UnaryOperator.Not ? "!" : "-";

    internal static bool IsArithmetic(this BinaryOperator op) => op <= BinaryOperator.Subtract;

    internal static bool IsOrdering(this BinaryOperator op) => op is >= BinaryOperator.Less and <= BinaryOperator.GreaterOrEqual;

    internal static bool IsEquality(this BinaryOperator op) => op is BinaryOperator.Equal or BinaryOperator.NotEqual;

    internal static bool IsLogical(this BinaryOperator op) => op is BinaryOperator.And or BinaryOperator.Or;
}
