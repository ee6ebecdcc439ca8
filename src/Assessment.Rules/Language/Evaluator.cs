namespace Assessment.Rules.Language;

/// <summary>A condition that cannot be evaluated on these values (a division by zero); at the sub-expression's span.</summary>
public sealed class EvaluationException(Span span, string message) : Exception(message)
{
    public Span Span { get; } = span;
}

/// <summary>
/// Interprets a checked expression tree: no code generation, no reflection. Facts are read by their
/// place in the schema, thresholds by their place in a threshold vector given at evaluation time, so one
/// checked condition evaluates under any set of threshold values. With a trace, every node evaluated
/// records its value under its <see cref="Node.Id"/>; a node left out by &amp;&amp;, || or ?: stays null.
/// </summary>
internal static class Evaluator
{
    internal readonly record struct Scope(object[] Facts, double[] Thresholds, object?[]? Trace);

    public static object Value(Node node, in Scope scope) => node.Type switch
    {
        ExprType.Number => Number(node, scope),
        ExprType.YesNo => YesNo(node, scope),
        _ => Text(node, scope),
    };

    public static bool YesNo(Node node, in Scope scope)
    {
        var value = node switch
        {
            ConstantNode c => (bool)c.Value,
            FactNode f => (bool)scope.Facts[f.Index],
            UnaryNode u => !YesNo(u.Operand, scope),
            BinaryNode { Operator: BinaryOperator.And } b => YesNo(b.Left, scope) && YesNo(b.Right, scope),
            BinaryNode { Operator: BinaryOperator.Or } b => YesNo(b.Left, scope) || YesNo(b.Right, scope),
            BinaryNode b when b.Operator.IsEquality() => Equal(b, scope) == (b.Operator == BinaryOperator.Equal),
            BinaryNode b => Compare(b.Operator, Number(b.Left, scope), Number(b.Right, scope)),
            ConditionalNode c => YesNo(YesNo(c.Condition, scope) ? c.WhenTrue : c.WhenFalse, scope),
            _ => throw Unexpected(node),
        };
        if (scope.Trace is { } trace) trace[node.Id] = value ? True : False;
        return value;
    }

    private static readonly object True = true;
    private static readonly object False = false;

    public static double Number(Node node, in Scope scope)
    {
        var value = node switch
        {
            ConstantNode c => (double)c.Value,
            FactNode f => (double)scope.Facts[f.Index],
            ThresholdNode t => scope.Thresholds[t.Index],
            UnaryNode u => -Number(u.Operand, scope),
            BinaryNode b => Arithmetic(b, Number(b.Left, scope), Number(b.Right, scope)),
            ConditionalNode c => Number(YesNo(c.Condition, scope) ? c.WhenTrue : c.WhenFalse, scope),
            _ => throw Unexpected(node),
        };
        if (scope.Trace is { } trace) trace[node.Id] = value;
        return value;
    }

    public static string Text(Node node, in Scope scope)
    {
        var value = node switch
        {
            ConstantNode c => (string)c.Value,
            FactNode f => (string)scope.Facts[f.Index],
            ConditionalNode c => Text(YesNo(c.Condition, scope) ? c.WhenTrue : c.WhenFalse, scope),
            _ => throw Unexpected(node),
        };
        if (scope.Trace is { } trace) trace[node.Id] = value;
        return value;
    }

    private static bool Equal(BinaryNode b, in Scope scope) => b.Left.Type switch
    {
        ExprType.Number => Number(b.Left, scope) == Number(b.Right, scope),
        ExprType.YesNo => YesNo(b.Left, scope) == YesNo(b.Right, scope),
        _ => string.Equals(Text(b.Left, scope), Text(b.Right, scope), StringComparison.Ordinal),
    };

    private static bool Compare(BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Less => left < right,
        BinaryOperator.LessOrEqual => left <= right,
        BinaryOperator.Greater => left > right,
        _ => left >= right,
    };

    private static double Arithmetic(BinaryNode b, double left, double right)
    {
        if (b.Operator == BinaryOperator.Divide && right == 0)
            throw new EvaluationException(b.Right.Syntax.Span, "division med noll");
        var result = b.Operator switch
        {
            BinaryOperator.Multiply => left * right,
            BinaryOperator.Divide => left / right,
            BinaryOperator.Add => left + right,
            _ => left - right,
        };
        return double.IsFinite(result) ? result : throw new EvaluationException(b.Syntax.Span, "talet blir för stort");
    }

    private static InvalidOperationException Unexpected(Node node) =>
        new($"{node.GetType().Name} of type {node.Type} cannot be evaluated; the checker should have refused it.");
}
