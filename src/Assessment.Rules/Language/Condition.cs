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
    }

    public string Text { get; }

    public Expr Syntax { get; }

    internal Node Root { get; }

    /// <summary>How many nodes the checked tree has: the length of a trace.</summary>
    public int NodeCount { get; }

    /// <summary>Whether the condition holds on these facts (in schema order) and thresholds (in vector order).</summary>
    internal bool Holds(object[] facts, double[] thresholds, object?[]? trace = null) =>
        Evaluator.YesNo(Root, new Evaluator.Scope(facts, thresholds, trace));
}
