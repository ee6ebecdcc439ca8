namespace Assessment.Rules.Language;

/// <summary>A condition that cannot be evaluated on these values (a division by zero); at the sub-expression's span.</summary>
public sealed class EvaluationException(Span span, string message) : Exception(message)
{
    public Span Span { get; } = span;
}

/// <summary>
/// Interprets a checked expression tree: no code generation, no reflection. Facts are read by their
/// place in the schema, thresholds by their place in a threshold vector given at evaluation time, so one
/// checked condition evaluates under any set of threshold values. With a trace, every yes/no node evaluated
/// (each comparison, &amp;&amp;, ||, !, yes/no fact) records its value under its <see cref="Node.Id"/>; a node left
/// out by &amp;&amp;, || or ?: stays <see cref="Trace.NotEvaluated"/>. Numbers and texts need no record: they are
/// the facts and thresholds, which the decision keeps, or computed from them.
/// </summary>
internal static class Evaluator
{
    /// <summary>What a trace holds for a yes/no node.</summary>
    internal static class Trace
    {
        public const byte NotEvaluated = 0;
        public const byte False = 1;
        public const byte True = 2;
    }

    internal readonly record struct Scope(object[] Facts, double[] Thresholds, byte[]? Trace);

    public static object Value(Node node, in Scope scope) => node.Type switch
    {
        ExprType.Number => Number(node, scope),
        ExprType.YesNo => YesNo(node, scope),
        _ => Text(node, scope),
    };

    public static bool YesNo(Node node, in Scope scope)
    {
        bool value;
        switch (node.Kind)
        {
            case NodeKind.Constant: value = ((ConstantNode)node).YesNo; break;
            case NodeKind.Fact: value = (bool)scope.Facts[((FactNode)node).Index]; break;
            case NodeKind.Unary: value = !YesNo(((UnaryNode)node).Operand, scope); break;
            case NodeKind.Binary:
                var b = (BinaryNode)node;
                value = b.Operator switch
                {
                    BinaryOperator.And => YesNo(b.Left, scope) && YesNo(b.Right, scope),
                    BinaryOperator.Or => YesNo(b.Left, scope) || YesNo(b.Right, scope),
                    BinaryOperator.Equal => Equal(b, scope),
                    BinaryOperator.NotEqual => !Equal(b, scope),
                    BinaryOperator.Less => Number(b.Left, scope) < Number(b.Right, scope),
                    BinaryOperator.LessOrEqual => Number(b.Left, scope) <= Number(b.Right, scope),
                    BinaryOperator.Greater => Number(b.Left, scope) > Number(b.Right, scope),
                    BinaryOperator.GreaterOrEqual => Number(b.Left, scope) >= Number(b.Right, scope),
                    _ => throw Unexpected(node),
                };
                break;
            case NodeKind.Conditional:
                value = YesNo(Branch((ConditionalNode)node, scope), scope);
                break;
            default: throw Unexpected(node);
        }
        if (scope.Trace is { } trace) trace[node.Id] = value ? Trace.True : Trace.False;
        return value;
    }

    public static double Number(Node node, in Scope scope)
    {
        double value;
        switch (node.Kind)
        {
            case NodeKind.Constant: value = ((ConstantNode)node).Number; break;
            case NodeKind.Fact: value = (double)scope.Facts[((FactNode)node).Index]; break;
            case NodeKind.Threshold: value = scope.Thresholds[((ThresholdNode)node).Index]; break;
            case NodeKind.Unary: value = -Number(((UnaryNode)node).Operand, scope); break;
            case NodeKind.Binary:
                var b = (BinaryNode)node;
                value = Arithmetic(b, Number(b.Left, scope), Number(b.Right, scope));
                break;
            case NodeKind.Conditional:
                value = Number(Branch((ConditionalNode)node, scope), scope);
                break;
            default: throw Unexpected(node);
        }
        return value;
    }

    /// <summary>The branch of <c>?:</c> that its condition chooses.</summary>
    private static Node Branch(ConditionalNode c, in Scope scope) => YesNo(c.Condition, scope) ? c.WhenTrue : c.WhenFalse;

    public static string Text(Node node, in Scope scope)
    {
        string value;
        switch (node.Kind)
        {
            case NodeKind.Constant: value = ((ConstantNode)node).Text; break;
            case NodeKind.Fact: value = (string)scope.Facts[((FactNode)node).Index]; break;
            case NodeKind.Conditional:
                value = Text(Branch((ConditionalNode)node, scope), scope);
                break;
            default: throw Unexpected(node);
        }
        return value;
    }

    private static bool Equal(BinaryNode b, in Scope scope) => b.Left.Type switch
    {
        ExprType.Number => Number(b.Left, scope) == Number(b.Right, scope),
        ExprType.YesNo => YesNo(b.Left, scope) == YesNo(b.Right, scope),
        _ => string.Equals(Text(b.Left, scope), Text(b.Right, scope), StringComparison.Ordinal),
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
