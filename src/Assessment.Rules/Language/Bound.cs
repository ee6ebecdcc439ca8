namespace Assessment.Rules.Language;

/// <summary>The three kinds of value in the language, and <see cref="Error"/> for a part already reported.</summary>
public enum ExprType { Number, YesNo, Text, Error }

/// <summary>
/// A checked expression node: the syntax it comes from, its type, and its number (<see cref="Id"/>, in
/// evaluation order) under which a trace records its value. Names are resolved to a fact's place in the
/// schema or a threshold's place in the threshold vector, so evaluation never looks a name up.
/// </summary>
internal abstract class Node(Expr syntax, ExprType type)
{
    public Expr Syntax { get; } = syntax;

    public ExprType Type { get; set; } = type;

    public int Id { get; set; }

    /// <summary>True when the node reads no fact and no threshold, so its value is known when the rule set is read.</summary>
    public abstract bool IsConstant { get; }
}

internal sealed class ConstantNode(Expr syntax, ExprType type, object value) : Node(syntax, type)
{
    public object Value { get; } = value;

    public override bool IsConstant => true;
}

internal sealed class FactNode(NameExpr syntax, ExprType type, int index) : Node(syntax, type)
{
    public int Index { get; } = index;

    public string Name => ((NameExpr)Syntax).Name;

    public override bool IsConstant => false;
}

internal sealed class ThresholdNode(NameExpr syntax, int index) : Node(syntax, ExprType.Number)
{
    public int Index { get; } = index;

    public string Name => ((NameExpr)Syntax).Name;

    public override bool IsConstant => false;
}

internal sealed class UnaryNode(UnaryExpr syntax, ExprType type, Node operand) : Node(syntax, type)
{
    public UnaryOperator Operator => ((UnaryExpr)Syntax).Operator;

    public Node Operand { get; } = operand;

    public override bool IsConstant => Operand.IsConstant;
}

internal sealed class BinaryNode(BinaryExpr syntax, ExprType type, Node left, Node right) : Node(syntax, type)
{
    public BinaryOperator Operator => ((BinaryExpr)Syntax).Operator;

    public Node Left { get; } = left;

    public Node Right { get; } = right;

    public override bool IsConstant => Left.IsConstant && Right.IsConstant;
}

internal sealed class ConditionalNode(ConditionalExpr syntax, ExprType type, Node condition, Node whenTrue, Node whenFalse) : Node(syntax, type)
{
    public Node Condition { get; } = condition;

    public Node WhenTrue { get; } = whenTrue;

    public Node WhenFalse { get; } = whenFalse;

    public override bool IsConstant => Condition.IsConstant && WhenTrue.IsConstant && WhenFalse.IsConstant;
}
