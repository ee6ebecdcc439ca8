namespace Assessment.Rules.Language;

/// <summary>One top-level part of a condition, whether it held (null when it could not be evaluated), and the values of the names it reads.</summary>
public sealed record ConditionPart(string Text, bool? Holds, IReadOnlyList<(string Name, object Value)> Values);

/// <summary>
/// What one evaluation of a condition gave, recorded while rating: the value of every yes/no sub-expression
/// evaluated (comparisons, &amp;&amp;, ||, !), by node, with the facts and thresholds it read. When the condition
/// is a chain of &amp;&amp; or || at its top level, every part of the chain is recorded, also those the evaluation
/// itself did not need once the outcome was clear. Reports read this record; nothing is parsed or evaluated
/// again after rating. A yes/no is one byte per node: recording allocates one small array per rule tried.
/// </summary>
public sealed class ConditionTrace
{
    private readonly byte[] _values;
    private readonly object[] _facts;
    private readonly double[] _thresholds;

    internal ConditionTrace(Condition condition, byte[] values, object[] facts, double[] thresholds)
    {
        Condition = condition;
        _values = values;
        _facts = facts;
        _thresholds = thresholds;
    }

    public Condition Condition { get; }

    /// <summary>Whether the whole condition held.</summary>
    public bool Holds => _values[Condition.Root.Id] == Evaluator.Trace.True;

    /// <summary>The operator joining the top-level parts: "&amp;&amp;", "||", or "" for a single part.</summary>
    public string Operator => Condition.Join?.Symbol() ?? "";

    /// <summary>The top-level parts, each with its recorded outcome and the values of the names it reads.</summary>
    public IReadOnlyList<ConditionPart> Parts =>
        Condition.Parts.Select(p => new ConditionPart(p.Syntax.Span.Of(Condition.Text), ValueOf(p), ValuesIn(p))).ToList();

    private bool? ValueOf(Node node) => _values[node.Id] switch
    {
        Evaluator.Trace.NotEvaluated => null,
        var value => value == Evaluator.Trace.True,
    };

    /// <summary>
    /// Why a condition did not hold: the parts that did not (every part of an || chain, since none held);
    /// a part without a value (one that could not be evaluated on its own) is among them.
    /// </summary>
    public IReadOnlyList<ConditionPart> FailingParts() => Operator == "||" ? Parts : Parts.Where(p => p.Holds != true).ToList();

    /// <summary>Every fact and threshold the condition reads, with its value, in order of first use.</summary>
    public IReadOnlyList<(string Name, object Value)> Values => ValuesIn(Condition.Root);

    /// <summary>The thresholds the condition reads, with the values it was evaluated under.</summary>
    public IReadOnlyList<(string Name, double Value)> Thresholds =>
        Condition.Thresholds.Select(t => (t.Name, _thresholds[t.Index])).ToList();

    /// <summary>The facts the condition reads, with their values.</summary>
    public IReadOnlyList<(string Name, object Value)> Facts =>
        Condition.Names.OfType<FactNode>().Select(f => (f.Name, _facts[f.Index])).DistinctBy(f => f.Name).ToList();

    private IReadOnlyList<(string Name, object Value)> ValuesIn(Node node) =>
        Condition.NamesIn(node).Select(n => n switch
        {
            FactNode f => (f.Name, _facts[f.Index]),
            ThresholdNode t => (t.Name, (object)_thresholds[t.Index]),
            _ => throw new InvalidOperationException("Only names are read."),
        }).DistinctBy(v => v.Name).ToList();

    /// <summary>
    /// Evaluates <paramref name="condition"/> and records it: the condition as it runs (so an error it meets is
    /// thrown), then each top-level part it did not need, where an error means only that the part has no value.
    /// </summary>
    internal static ConditionTrace Record(Condition condition, object[] facts, double[] thresholds)
    {
        var values = new byte[condition.NodeCount];
        var scope = new Evaluator.Scope(facts, thresholds, values);
        Evaluator.YesNo(condition.Root, scope);
        if (condition.Parts.Count > 1)
            foreach (var part in condition.Parts)
            {
                if (values[part.Id] != Evaluator.Trace.NotEvaluated) continue;
                try { Evaluator.YesNo(part, scope); }
                catch (EvaluationException) { }
            }
        return new ConditionTrace(condition, values, facts, thresholds);
    }
}
