namespace Assessment.Rules.Language;

/// <summary>
/// A rule's condition, parsed and checked once when the rule set is read: its text, its syntax tree,
/// and the checked tree the evaluator runs. Immutable; safe to share between threads.
/// </summary>
public sealed class Condition
{
    internal Condition(string text, Expr syntax, Node root, int nodeCount)
    {
        Text = text;
        Syntax = syntax;
        Root = root;
        NodeCount = nodeCount;
        (Join, Parts) = TopLevelParts(root);
        Names = NamesIn(root);
        // Plain loops: every condition of the rule set is made at every start, and LINQ's chains cost a cold start more.
        var thresholds = new List<ThresholdNode>();
        var indexes = new List<int>();
        foreach (var name in Names)
            if (name is ThresholdNode threshold && !indexes.Contains(threshold.Index))
            {
                thresholds.Add(threshold);
                indexes.Add(threshold.Index);
            }
        Thresholds = thresholds;
        ThresholdIndexes = indexes.ToArray();
    }

    public string Text { get; }

    public Expr Syntax { get; }

    internal Node Root { get; }

    /// <summary>How many nodes the checked tree has: the length of a trace.</summary>
    public int NodeCount { get; }

    /// <summary>The operator that joins <see cref="Parts"/>, or null when the condition is one part.</summary>
    internal BinaryOperator? Join { get; }

    internal IReadOnlyList<Node> Parts { get; }

    /// <summary>The fact and threshold nodes, left to right.</summary>
    internal IReadOnlyList<Node> Names { get; }

    /// <summary>The thresholds the condition reads, each once, in order of first use.</summary>
    internal IReadOnlyList<ThresholdNode> Thresholds { get; }

    /// <summary>The places in the threshold vector of <see cref="Thresholds"/>: which thresholds the condition reads.</summary>
    internal IReadOnlyList<int> ThresholdIndexes { get; }

    /// <summary>Whether the condition holds on these facts (in schema order) and thresholds (in vector order).</summary>
    internal bool Holds(object[] facts, double[] thresholds) => Evaluator.YesNo(Root, new Evaluator.Scope(facts, thresholds, null));

    /// <summary>
    /// "a &amp;&amp; (b || c)" gives (&amp;&amp;, [a, (b || c)]); a condition without a top-level join is one part,
    /// and so is one with a top-level ?: – in "a ? b || c : d" the || belongs to a branch.
    /// </summary>
    private static (BinaryOperator? Operator, IReadOnlyList<Node> Parts) TopLevelParts(Node root)
    {
        if (root is not BinaryNode { Operator: BinaryOperator.And or BinaryOperator.Or } join) return (null, [root]);
        var parts = new List<Node>();
        Flatten(join);
        return (join.Operator, parts);

        void Flatten(Node node)
        {
            // A part in parentheses is one part, even when it is joined by the same operator inside.
            if (node is BinaryNode b && b.Operator == join.Operator && (ReferenceEquals(node, join) || !IsParenthesised(b)))
            {
                Flatten(b.Left);
                Flatten(b.Right);
            }
            else parts.Add(node);
        }
    }

    private static bool IsParenthesised(BinaryNode node) => node.Syntax.Span.Start < node.Left.Syntax.Span.Start;

    /// <summary>The fact and threshold nodes under <paramref name="node"/>, left to right.</summary>
    internal static IReadOnlyList<Node> NamesIn(Node node)
    {
        var names = new List<Node>();
        Collect(node);
        return names;

        void Collect(Node at)
        {
            switch (at)
            {
                case FactNode or ThresholdNode: names.Add(at); break;
                case UnaryNode u: Collect(u.Operand); break;
                case BinaryNode b: Collect(b.Left); Collect(b.Right); break;
                case ConditionalNode c: Collect(c.Condition); Collect(c.WhenTrue); Collect(c.WhenFalse); break;
            }
        }
    }
}
