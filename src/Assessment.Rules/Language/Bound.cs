namespace Assessment.Rules.Language;

/// <summary>The three kinds of value in the language, and <see cref="Error"/> for a part already reported.</summary>
public enum ExprType { Number, YesNo, Text, Error }

/// <summary>What a node is, for the evaluator's dispatch.</summary>
internal enum NodeKind { Constant, Fact, Threshold, Unary, Binary, Conditional }

/// <summary>
/// A checked expression node: the syntax it comes from, its type, and its number (<see cref="Id"/>, in
/// evaluation order) under which a trace records its value. Names are resolved to a fact's place in the
/// schema or a threshold's place in the threshold vector, so evaluation never looks a name up.
/// </summary>
internal abstract class Node(Expr syntax, ExprType type, NodeKind kind)
{
    public NodeKind Kind { get; } = kind;

    public Expr Syntax { get; } = syntax;

    public ExprType Type { get; set; } = type;

    public int Id { get; set; }

    /// <summary>True when the node reads no fact and no threshold, so its value is known when the rule set is read.</summary>
    public abstract bool IsConstant { get; }
}

internal sealed class ConstantNode(Expr syntax, ExprType type, object value) : Node(syntax, type, NodeKind.Constant)
{
    public object Value { get; } = value;

    public readonly double Number = value as double? ?? 0;

    public readonly bool YesNo = value is true;

    public readonly string Text = value as string ?? "";

    public override bool IsConstant => true;
}

internal sealed class FactNode(NameExpr syntax, ExprType type, int index) : Node(syntax, type, NodeKind.Fact)
{
    public readonly int Index = index;

    public string Name => ((NameExpr)Syntax).Name;

    public override bool IsConstant => false;
}

internal sealed class ThresholdNode(NameExpr syntax, int index) : Node(syntax, ExprType.Number, NodeKind.Threshold)
{
    public readonly int Index = index;

    public string Name => ((NameExpr)Syntax).Name;

    public override bool IsConstant => false;
}

internal sealed class UnaryNode(UnaryExpr syntax, ExprType type, Node operand) : Node(syntax, type, NodeKind.Unary)
{
    public readonly UnaryOperator Operator = syntax.Operator;

    public readonly Node Operand = operand;

    public override bool IsConstant => Operand.IsConstant;
}

internal sealed class BinaryNode(BinaryExpr syntax, ExprType type, Node left, Node right) : Node(syntax, type, NodeKind.Binary)
{
    public readonly BinaryOperator Operator = syntax.Operator;

    public readonly Node Left = left;

    public readonly Node Right = right;

    public override bool IsConstant => Left.IsConstant && Right.IsConstant;
}

internal sealed class ConditionalNode(ConditionalExpr syntax, ExprType type, Node condition, Node whenTrue, Node whenFalse)
    : Node(syntax, type, NodeKind.Conditional)
{
    public readonly Node Condition = condition;

    public readonly Node WhenTrue = whenTrue;

    public readonly Node WhenFalse = whenFalse;

    public override bool IsConstant => Condition.IsConstant && WhenTrue.IsConstant && WhenFalse.IsConstant;
}
