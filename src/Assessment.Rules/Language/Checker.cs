using Assessment.Domain;
using Assessment.Domain.Parsing;
using Assessment.Rules.Facts;

namespace Assessment.Rules.Language;

/// <summary>What a name in an expression is: a fact (its place in the schema) or a threshold (its place in the vector).</summary>
public readonly record struct Binding(bool IsThreshold, int Index, ExprType Type);

/// <summary>
/// Checks a parsed expression: every name is a fact or a threshold, every operator gets the types it
/// works on (number, yes/no, text), the whole is yes/no, and what can be computed when the rule set is
/// read (a constant divisor of zero, a constant too large) is computed then. Every problem is reported,
/// each at the sub-expression it is about; a part already in error raises no further problems.
/// </summary>
public sealed class Checker
{
    private readonly Func<string, Binding?> _resolve;
    private readonly IEnumerable<string> _knownNames;
    private readonly List<Problem> _problems = [];
    private readonly List<Node> _nodes = [];

    private Checker(Func<string, Binding?> resolve, IEnumerable<string> knownNames)
    {
        _resolve = resolve;
        _knownNames = knownNames;
    }

    /// <summary>Parses and checks a condition; the result is null when there is any problem.</summary>
    public static (Condition? Condition, IReadOnlyList<Problem> Problems) Check(string expression, Func<string, Binding?> resolve,
        IEnumerable<string> knownNames)
    {
        var (syntax, problems) = Parser.Parse(expression);
        if (syntax is null) return (null, problems);
        var checker = new Checker(resolve, knownNames);
        var root = checker.Bind(syntax);
        if (root.Type is not (ExprType.YesNo or ExprType.Error))
            checker._problems.Add(new Problem(ErrorKinds.ExpressionType, syntax.Span.Start, $"uttrycket ger {Name(root.Type)}, men ett villkor ska ge ja/nej (sant eller falskt)"));
        if (checker._problems.Count > 0) return (null, checker._problems.OrderBy(p => p.Offset).ToList());
        return (new Condition(expression, syntax, root, checker._nodes.Count), []);
    }

    /// <summary>The Swedish name of a type, as messages use it.</summary>
    public static string Name(ExprType type) => type switch
    {
        ExprType.Number => "ett tal",
        ExprType.YesNo => "ja/nej",
        _ => "text",
    };

    private static string Short(ExprType type) => type == ExprType.Number ? "tal" : Name(type);

    public static ExprType TypeOf(FactType type) => type switch
    {
        FactType.Number => ExprType.Number,
        FactType.Boolean => ExprType.YesNo,
        _ => ExprType.Text,
    };

    private Node Bind(Expr expr)
    {
        var node = expr switch
        {
            NumberLiteral n => new ConstantNode(n, ExprType.Number, n.Value),
            TextLiteral t => new ConstantNode(t, ExprType.Text, t.Value),
            BoolLiteral b => new ConstantNode(b, ExprType.YesNo, b.Value),
            NameExpr n => BindName(n),
            UnaryExpr u => BindUnary(u),
            BinaryExpr b => BindBinary(b),
            ConditionalExpr c => BindConditional(c),
            _ => throw new InvalidOperationException($"Unknown syntax {expr.GetType().Name}."),
        };
        node.Id = _nodes.Count;
        _nodes.Add(node);
        return node;
    }

    private Node BindName(NameExpr name)
    {
        if (_resolve(name.Name) is { } binding)
            return binding.IsThreshold ? new ThresholdNode(name, binding.Index) : new FactNode(name, binding.Type, binding.Index);
        var hint = Suggest.Closest(name.Name, _knownNames) is { } close ? $" – menade du \"{close}\"?" : "";
        _problems.Add(new Problem(ErrorKinds.ExpressionName, name.Span.Start, $"okänt namn \"{name.Name}\"{hint}: varken ett faktum eller ett tröskelvärde"));
        return new ConstantNode(name, ExprType.Error, 0d);
    }

    private Node BindUnary(UnaryExpr unary)
    {
        var operand = Bind(unary.Operand);
        var wanted = unary.Operator == UnaryOperator.Not ? ExprType.YesNo : ExprType.Number;
        if (operand.Type != wanted && operand.Type != ExprType.Error)
        {
            _problems.Add(new Problem(ErrorKinds.ExpressionType, operand.Syntax.Span.Start, unary.Operator == UnaryOperator.Not
                ? $"\"!\" vänder ja/nej, men här står {Name(operand.Type)}"
                : $"kan inte räkna med {Short(operand.Type)}: \"-\" behöver ett tal"));
            return new UnaryNode(unary, ExprType.Error, operand);
        }
        return Folded(new UnaryNode(unary, operand.Type == ExprType.Error ? ExprType.Error : wanted, operand));
    }

    private Node BindBinary(BinaryExpr binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        var op = binary.Operator;
        var symbol = op.Symbol();
        if (left.Type == ExprType.Error || right.Type == ExprType.Error) return new BinaryNode(binary, ExprType.Error, left, right);

        if (op.IsEquality())
        {
            if (left.Type == right.Type) return new BinaryNode(binary, ExprType.YesNo, left, right);
            _problems.Add(new Problem(ErrorKinds.ExpressionType, binary.Span.Start, $"jämför {Short(left.Type)} med {Short(right.Type)} (\"{symbol}\"): båda sidor ska vara av samma slag"));
            return new BinaryNode(binary, ExprType.Error, left, right);
        }

        var wanted = op.IsLogical() ? ExprType.YesNo : ExprType.Number;
        var wrong = 0;
        foreach (var operand in (ReadOnlySpan<Node>)[left, right])
        {
            if (operand.Type == wanted) continue;
            wrong++;
            _problems.Add(new Problem(ErrorKinds.ExpressionType, operand.Syntax.Span.Start,
                op.IsLogical() ? $"\"{symbol}\" behöver ja/nej på båda sidor, men här står {Name(operand.Type)}"
                : op.IsOrdering() ? $"kan inte jämföra storlek på {Short(operand.Type)}: \"{symbol}\" behöver tal på båda sidor"
                : $"kan inte räkna med {Short(operand.Type)}: \"{symbol}\" behöver tal på båda sidor"));
        }
        if (wrong > 0) return new BinaryNode(binary, ExprType.Error, left, right);
        return Folded(new BinaryNode(binary, op.IsArithmetic() ? ExprType.Number : ExprType.YesNo, left, right));
    }

    private Node BindConditional(ConditionalExpr conditional)
    {
        var condition = Bind(conditional.Condition);
        var whenTrue = Bind(conditional.WhenTrue);
        var whenFalse = Bind(conditional.WhenFalse);
        var type = whenTrue.Type;
        if (condition.Type is not (ExprType.YesNo or ExprType.Error))
        {
            _problems.Add(new Problem(ErrorKinds.ExpressionType, condition.Syntax.Span.Start, $"villkoret före \"?\" ska vara ja/nej, men här står {Name(condition.Type)}"));
            type = ExprType.Error;
        }
        if (whenTrue.Type != whenFalse.Type && whenTrue.Type != ExprType.Error && whenFalse.Type != ExprType.Error)
        {
            _problems.Add(new Problem(ErrorKinds.ExpressionType, whenTrue.Syntax.Span.Start,
                $"de två grenarna i \"? :\" ska vara av samma slag, men är {Short(whenTrue.Type)} och {Short(whenFalse.Type)}"));
            type = ExprType.Error;
        }
        if (condition.Type == ExprType.Error || whenFalse.Type == ExprType.Error) type = ExprType.Error;
        return new ConditionalNode(conditional, type, condition, whenTrue, whenFalse);
    }

    /// <summary>
    /// An operation on constants is computed now, so a division by zero or a number too large is found
    /// when the rule set is read, whether or not a rating would ever reach it.
    /// </summary>
    private Node Folded(Node node)
    {
        if (!node.IsConstant || node.Type == ExprType.Error) return node;
        try
        {
            Evaluator.Value(node, new Evaluator.Scope([], [], null));
        }
        catch (EvaluationException e)
        {
            _problems.Add(new Problem(ErrorKinds.ExpressionValue, e.Span.Start, e.Message));
            node.Type = ExprType.Error;
        }
        return node;
    }
}
