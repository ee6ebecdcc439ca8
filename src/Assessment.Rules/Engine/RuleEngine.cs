using Assessment.Domain;
using Assessment.Domain.Yaml;
using Assessment.Rules.Facts;
using Assessment.Rules.Language;
using Assessment.Rules.Model;

namespace Assessment.Rules.Engine;

/// <summary>
/// One scope's rules, each condition parsed and checked once (<see cref="Checker"/>) against the scope's
/// facts and the rule set's thresholds, then interpreted (<see cref="Evaluator"/>) in order until one holds:
/// first match wins, so an error is always attributed to its own rule. Thresholds are read from the
/// vector given at evaluation time, never built into the rules. Nothing turns an expression error into a
/// silent false: a rule that does not check is an <see cref="InputException"/> at load, naming the rule and
/// the position of the part in error; one that cannot be evaluated (division by zero) is one too.
/// </summary>
internal sealed class CompiledRules
{
    private readonly Condition[] _conditions;

    private CompiledRules(IReadOnlyList<RuleDefinition> rules, Condition[] conditions)
    {
        Rules = rules;
        _conditions = conditions;
    }

    public IReadOnlyList<RuleDefinition> Rules { get; }

    public IReadOnlyList<Condition> Conditions => _conditions;

    /// <summary>
    /// Checks a scope's rules against its facts and the thresholds (by name, their place in the vector).
    /// Every problem goes to <paramref name="errors"/> with its position; returns null when there was any.
    /// </summary>
    public static CompiledRules? Compile(FactSchema schema, IReadOnlyDictionary<string, int> thresholds,
        IReadOnlyList<RuleDefinition> rules, ErrorSink errors)
    {
        var names = schema.Facts.Select(f => f.Name).Concat(thresholds.Keys).ToList();
        Binding? Resolve(string name) =>
            schema.Contains(name) ? new Binding(false, schema.IndexOf(name), Checker.TypeOf(schema.Facts[schema.IndexOf(name)].Type))
            : thresholds.TryGetValue(name, out var index) ? new Binding(true, index, ExprType.Number)
            : null;

        var before = errors.Errors.Count;
        var compiled = new List<(RuleDefinition Rule, Condition Condition)>();
        foreach (var rule in rules.Where(r => r.Id.Length > 0)) // a rule without id is already reported by the reader
        {
            var (condition, problems) = Checker.Check(rule.Condition, Resolve, names);
            foreach (var problem in problems)
                errors.Add(rule.PositionAt(problem.Offset), $"regeln \"{rule.Id}\": {problem.Message}");
            if (condition is not null) compiled.Add((rule, condition));
        }
        if (errors.Errors.Count > before) return null;
        return new CompiledRules(compiled.Select(c => c.Rule).ToList(), compiled.Select(c => c.Condition).ToArray());
    }

    /// <summary>
    /// Runs the rules in order on the facts until one holds. Returns whether each rule ran held:
    /// all false but the last, which is true when a rule matched.
    /// </summary>
    public IReadOnlyList<bool> EvaluateUntilMatch(FactValues facts, double[] thresholds)
    {
        var results = new List<bool>(4);
        for (var i = 0; i < _conditions.Length; i++)
        {
            var matched = Holds(i, facts, thresholds);
            results.Add(matched);
            if (matched) break;
        }
        return results;
    }

    private bool Holds(int index, FactValues facts, double[] thresholds, object?[]? trace = null)
    {
        try
        {
            return _conditions[index].Holds(facts.Values, thresholds, trace);
        }
        catch (EvaluationException e)
        {
            throw new InputException(Rules[index].PositionAt(e.Span.Start),
                $"regeln \"{Rules[index].Id}\" kunde inte utvärderas: {e.Message} i \"{e.Span.Of(Rules[index].Condition)}\"");
        }
    }

    /// <summary>
    /// Why rule <paramref name="index"/> held or not: its condition's top-level parts (joined by one kind of
    /// &amp;&amp; or ||), each evaluated on the facts, with the values of the names it reads.
    /// </summary>
    public ConditionExplanation Explain(int index, FactValues facts, double[] thresholds)
    {
        var condition = _conditions[index];
        var (op, parts) = TopLevelParts(condition.Root);
        return new ConditionExplanation(op == null ? "" : op.Value.Symbol(), parts.Select(part =>
        {
            var holds = Evaluator.YesNo(part, new Evaluator.Scope(facts.Values, thresholds, null));
            var values = Names(part).Select(n => n switch
            {
                FactNode f => (f.Name, facts.Values[f.Index]),
                ThresholdNode t => (t.Name, (object)thresholds[t.Index]),
                _ => throw new InvalidOperationException(),
            }).DistinctBy(v => v.Name).ToList();
            return new ConditionPart(part.Syntax.Span.Of(condition.Text), holds, values);
        }).ToList());
    }

    /// <summary>
    /// "a &amp;&amp; (b || c)" gives (&amp;&amp;, [a, (b || c)]); a condition without a top-level join is one part,
    /// and so is one with a top-level ?: – in "a ? b || c : d" the || belongs to a branch.
    /// </summary>
    private static (BinaryOperator? Operator, IReadOnlyList<Node> Parts) TopLevelParts(Node root)
    {
        if (root is not BinaryNode { Operator: BinaryOperator.And or BinaryOperator.Or } join) return (null, [root]);
        var parts = new List<Node>();
        void Flatten(Node node)
        {
            if (node is BinaryNode b && b.Operator == join.Operator && (ReferenceEquals(node, join) || !IsParenthesised(b)))
            {
                Flatten(b.Left);
                Flatten(b.Right);
            }
            else parts.Add(node);
        }
        Flatten(join);
        return (join.Operator, parts);
    }

    private static bool IsParenthesised(BinaryNode node) => node.Syntax.Span.Start < node.Left.Syntax.Span.Start;

    /// <summary>The fact and threshold nodes under <paramref name="node"/>, left to right.</summary>
    internal static IEnumerable<Node> Names(Node node) => node switch
    {
        FactNode or ThresholdNode => [node],
        UnaryNode u => Names(u.Operand),
        BinaryNode b => Names(b.Left).Concat(Names(b.Right)),
        ConditionalNode c => Names(c.Condition).Concat(Names(c.WhenTrue)).Concat(Names(c.WhenFalse)),
        _ => [],
    };
}

/// <summary>One top-level part of a condition, whether it held, and the values of the names it reads.</summary>
public sealed record ConditionPart(string Text, bool Holds, IReadOnlyList<(string Name, object Value)> Values);

/// <summary>A condition taken apart at its top-level &amp;&amp; or || (Operator is empty for a single part).</summary>
public sealed record ConditionExplanation(string Operator, IReadOnlyList<ConditionPart> Parts);
